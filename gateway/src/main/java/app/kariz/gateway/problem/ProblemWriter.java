package app.kariz.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link Problem} as {@code application/problem+json}; headers already set on the response are kept. */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] json = serialize(problem, exchange.getRequest().getPath().value());
        response.getHeaders().setContentLength(json.length);
        DataBuffer body = response.bufferFactory().wrap(json);
        return response.writeWith(Mono.just(body));
    }

    /**
     * The problem's JSON body, for answers written below the web stack too (e.g. a request Netty cannot decode).
     *
     * @param instance the request's path; {@code null} when unknown
     */
    public byte[] serialize(Problem problem, String instance) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.type().toString());
        fields.put("title", problem.title());
        fields.put("status", problem.status().value());
        fields.put("detail", problem.detail());
        if (instance != null) {
            fields.put("instance", instance);
        }
        if (!problem.errors().isEmpty()) {
            fields.put("errors", problem.errors());
        }
        try {
            return json.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
