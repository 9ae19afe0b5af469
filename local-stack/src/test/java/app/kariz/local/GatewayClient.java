package app.kariz.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the public API the way any client would: HTTP and JSON, with a bearer token. */
final class GatewayClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUri;
    private final String token;

    GatewayClient(int port, String token) {
        this.baseUri = "http://127.0.0.1:" + port;
        this.token = token;
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply post(String path, String body, String headerName, String headerValue) {
        return send(request(path).header("Content-Type", "application/json").header(headerName, headerValue)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply patch(String path, String body, String ifMatch) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    Reply put(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any method, with a JSON body when one is given. */
    Reply send(String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = request(path).method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    Reply getWithoutToken(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUri + path)).timeout(Duration.ofSeconds(30)).GET());
    }

    /** With the client's token; none when it has none, as an anonymous caller. */
    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path))
                .timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("ETag").orElse(null), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String contentType, String location, String etag, JsonNode body) {
    }
}
