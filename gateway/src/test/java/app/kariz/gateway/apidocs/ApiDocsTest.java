package app.kariz.gateway.apidocs;

import app.kariz.gateway.RunningGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The description and Swagger UI as a browser or a client generator gets them from a running gateway. */
class ApiDocsTest {

    private static final String TOKEN = "demo-token-for-tests-0123456789";

    private static RunningGateway gateway;
    private static WebTestClient client;

    @BeforeAll
    static void start() {
        // No service is started: nothing here may be forwarded, and a forwarded request would fail with 503.
        gateway = RunningGateway.start("--kariz.demo.token=" + TOKEN);
        // Swagger UI's bundle is about 1.7 MB, more than the client buffers by default.
        client = gateway.client().mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                .build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theDescriptionIsServedWithoutAToken() throws IOException {
        byte[] body = client.get().uri("/api/v1/openapi.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();

        JsonNode served = new ObjectMapper().readTree(body);
        assertThat(served).isEqualTo(OpenApiOperations.load());
        assertThat(served.path("openapi").asText()).startsWith("3.");
    }

    @Test
    void aHeadRequestForTheDescriptionNeedsNoTokenEither() {
        client.head().uri("/api/v1/openapi.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().isEmpty();
    }

    @Test
    void theDescriptionCarriesTheGatewaysSecurityAndTraceHeaders() {
        client.get().uri("/api/v1/openapi.json").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader().exists("X-Request-Id");
    }

    @Test
    void theExemptionIsOnlyForReadingTheDescription() {
        client.post().uri("/api/v1/openapi.json").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/openapi.json/x").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/openapi.jsonx").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/pipelines").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aTokenDoesNotGetInTheWay() {
        client.get().uri("/api/v1/openapi.json").headers(h -> h.setBearerAuth(TOKEN)).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/v1/openapi.json").headers(h -> h.setBearerAuth("not-a-known-token")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void swaggerUiIsAPageThatLoadsTheDescription() {
        for (String path : List.of("/api/docs", "/api/docs/")) {
            String page = client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).contains("\"/api/v1/openapi.json\"").contains("id=\"swagger-ui\"");
        }
    }

    @Test
    void thePageRunsNoInlineScriptAndItsPolicySaysSo() {
        String page = client.get().uri("/api/docs").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", policy -> {
                    String scripts = directive(policy, "script-src");
                    assertThat(scripts).isEqualTo("script-src 'self'");
                    assertThat(directive(policy, "connect-src")).isEqualTo("connect-src 'self'");
                    assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
                })
                .expectBody(String.class).returnResult().getResponseBody();

        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("a script of the page").contains("src=");
            assertThat(scripts.group(2)).as("inline code").isBlank();
        }
        assertThat(count).isPositive();
    }

    @Test
    void everyFileThePageLoadsIsServed() {
        String page = client.get().uri("/api/docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher references = Pattern.compile("(?:src|href)=\"(/api/docs/[^\"]+)\"").matcher(page);
        int count = 0;
        while (references.find()) {
            count++;
            String file = references.group(1);
            byte[] body = client.get().uri(file).exchange()
                    .expectStatus().isOk()
                    .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type)
                            .as(file).matches(expectedTypeOf(file)))
                    .expectBody().returnResult().getResponseBody();
            assertThat(body).as(file).isNotEmpty();
        }
        assertThat(count).as("files the page loads").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theStartScriptStartsSwaggerUiOnTheElementThatNamesTheDescription() {
        String script = new String(client.get().uri("/api/docs/kariz-swagger-ui.js").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(script).contains("SwaggerUIBundle(").contains("data-openapi-url");
    }

    @Test
    void aBrowserRevalidatesTheFilesInsteadOfLoadingThemAgain() {
        String etag = client.get().uri("/api/docs/swagger-ui-bundle.js").exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noCache())
                .returnResult(byte[].class).getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();

        client.get().uri("/api/docs/swagger-ui-bundle.js").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectBody().isEmpty();
    }

    /**
     * A regression guard, not a proof: with Swagger UI's files streamed from the jar, Reactor Netty 1.2.11 left a
     * keep-alive connection deaf after "file, page, file" in about 3 of 100 rounds, and the third request hung. The
     * files are answered from memory since. Like a browser (and unlike WebTestClient, whose pauses hide it), this
     * client sends each request the moment the previous answer's last byte is in.
     */
    @Test
    void pageAndFilesInTurnOnOneConnectionNeverHang() throws IOException {
        List<String> paths = List.of("/api/docs/swagger-ui.css", "/api/docs", "/api/docs/kariz-swagger-ui.js");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int round = 0; round < 200; round++) {
                for (String path : paths) {
                    out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    try {
                        assertThat(readAnswer(in)).as("round " + round + ", " + path).isEqualTo(200);
                    } catch (SocketTimeoutException hung) {
                        throw new AssertionError("round " + round + ": no answer to " + path + " within 3 s", hung);
                    }
                }
            }
        }
    }

    /** Reads one HTTP/1.1 answer with a Content-Length body; returns its status. */
    private static int readAnswer(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        assertThat(length).as("Content-Length of a " + status).isNotNegative();
        in.skipNBytes(length);
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Test
    void nothingElseOfTheSwaggerUiJarIsServed() {
        // The jar's own demo page and start script point at a sample API on another host.
        client.get().uri("/api/docs/index.html").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/docs/swagger-initializer.js").exchange().expectStatus().isNotFound();
        client.get().uri("/api/docs/../docs/swagger-ui.css").exchange().expectStatus().isNotFound();
        client.post().uri("/api/docs").exchange().expectStatus().value(status -> assertThat(status).isIn(404, 405));
    }

    private static String expectedTypeOf(String file) {
        if (file.endsWith(".js")) {
            return "(application|text)/javascript.*";
        }
        if (file.endsWith(".css")) {
            return "text/css.*";
        }
        return "image/png";
    }

    private static String directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            if (directive.strip().startsWith(name + " ")) {
                return directive.strip();
            }
        }
        return "";
    }
}
