package app.kariz.gateway.limits;

import app.kariz.gateway.GatewayProperties;
import app.kariz.gateway.problem.Problem;
import app.kariz.gateway.problem.ProblemWriter;
import app.kariz.gateway.server.FilterOrder;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * A request body larger than {@code kariz.gateway.max-body-size} is a 413 problem and nothing of it is forwarded.
 * A declared {@code Content-Length} is judged before anything is read. A body streamed without one (chunked) is
 * read up to the limit before it is forwarded: it is small by then, and a service never sees the first part of a
 * body that turns out too large.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

    /** After authentication, rate limiting and the 404/405 answers: only a routed request's body is read. */
    private static final byte[] NO_BODY = new byte[0];

    private final long maxBytes;
    private final ProblemWriter problems;

    public BodySizeLimitFilter(GatewayProperties properties, ProblemWriter problems) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declaredLength = headers.getContentLength();
        if (declaredLength > maxBytes) {
            return tooLarge(exchange);
        }
        if (declaredLength >= 0 || !headers.containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return readUpToLimit(exchange.getRequest())
                .flatMap(body -> body.isPresent() ? chain.filter(withBody(exchange, body.get())) : tooLarge(exchange));
    }

    /** The whole body, or empty when it is larger than the limit. */
    private Mono<Optional<byte[]>> readUpToLimit(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), (int) Math.min(maxBytes, Integer.MAX_VALUE))
                .map(BodySizeLimitFilter::bytesOf)
                .defaultIfEmpty(NO_BODY)
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(Optional.empty()));
    }

    private static byte[] bytesOf(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    private static ServerWebExchange withBody(ServerWebExchange exchange, byte[] body) {
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        return exchange.mutate().request(request).build();
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return problems.write(exchange, Problem.contentTooLarge("The request body is larger than the " + maxBytes
                + " bytes the API accepts."));
    }

    @Override
    public int getOrder() {
        return FilterOrder.BODY_SIZE_LIMIT;
    }
}
