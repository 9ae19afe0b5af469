package app.kariz.gateway.apidocs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;

/**
 * The API's description, answered by the gateway itself: the hand-written OpenAPI document at
 * {@value PublicPaths#OPENAPI_PATH} (public, see {@link PublicPaths}) and Swagger UI at {@value #DOCS_PATH}.
 * <p>
 * Swagger UI comes from the {@code org.webjars:swagger-ui} jar as plain files; only the few the page loads are
 * served (the jar also holds a demo page pointing at a foreign sample API). The page and its start script are our
 * own, so the page runs no inline script and can keep a tight Content-Security-Policy of its own (the gateway's
 * {@code SecurityHeadersFilter} leaves a non-JSON page's policy alone).
 * <p>
 * Every file is read into memory at startup (about 2 MB) and answered from there. Besides failing a broken build
 * at start rather than at the first reader, this keeps these answers from terminating a moment after their last
 * byte went out, as streamed resource answers (file or jar entry) do: a request that arrives in that moment is
 * queued by Reactor Netty, which is what exposes its keep-alive bug reactor/reactor-netty#4361 (worked around for
 * every answer in {@link app.kariz.gateway.server.KeepAliveConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    public static final String DOCS_PATH = "/api/docs";

    /**
     * The policy of the docs page, in place of the gateway's {@code default-src 'none'} for JSON. Scripts only from
     * this origin and only as files: no inline script, no eval. Inline styles are allowed because Swagger UI turns
     * Markdown descriptions into HTML that may carry style attributes (table alignment), and a style attribute
     * cannot run script; its icons are {@code data:} images in its stylesheet. It fetches the description and sends
     * "Try it out" requests to this origin only. Never framed, like every other answer of the gateway.
     */
    public static final String DOCS_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String SPEC_RESOURCE = "openapi/kariz-api-v1.json";
    private static final String PAGE_RESOURCE = "apidocs/index.html";
    private static final String START_SCRIPT = "kariz-swagger-ui.js";
    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

    /** A file the page loads, with its type and an entity tag, so a browser revalidates instead of reloading. */
    private record StaticFile(byte[] bytes, MediaType type, String etag) {

        static StaticFile of(String resource, MediaType type) {
            byte[] bytes = bytesOf(resource);
            return new StaticFile(bytes, type, "\"" + sha256(bytes) + "\"");
        }
    }

    @Bean
    RouterFunction<ServerResponse> apiDocsRoutes() {
        byte[] spec = bytesOf(SPEC_RESOURCE);
        byte[] page = bytesOf(PAGE_RESOURCE);
        Map<String, StaticFile> files = docsFiles();
        return RouterFunctions.route(getOrHead(PublicPaths.OPENAPI_PATH), request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(spec))
                .andRoute(getOrHead(DOCS_PATH).or(getOrHead(DOCS_PATH + "/")), request -> ServerResponse.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .header("Content-Security-Policy", DOCS_CONTENT_SECURITY_POLICY)
                        .bodyValue(page))
                // Any other name under /api/docs is not matched here and ends as the gateway's 404 problem.
                .andRoute(getOrHead(DOCS_PATH + "/*").and(request -> files.containsKey(fileName(request))),
                        request -> {
                            StaticFile file = files.get(fileName(request));
                            // no-cache: the names carry no version, so a browser asks each time; the ETag lets
                            // the answer be a 304 without the body.
                            return ServerResponse.ok()
                                    .contentType(file.type())
                                    .eTag(file.etag())
                                    .cacheControl(CacheControl.noCache())
                                    .bodyValue(file.bytes());
                        });
    }

    /** Swagger UI's files the page loads, by the name it loads them with, and our start script. */
    private static Map<String, StaticFile> docsFiles() {
        String swaggerUi = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
        Map<String, StaticFile> files = new LinkedHashMap<>();
        files.put("swagger-ui.css", StaticFile.of(swaggerUi + "swagger-ui.css", CSS));
        files.put("swagger-ui-bundle.js", StaticFile.of(swaggerUi + "swagger-ui-bundle.js", JAVASCRIPT));
        files.put("favicon-32x32.png", StaticFile.of(swaggerUi + "favicon-32x32.png", MediaType.IMAGE_PNG));
        files.put(START_SCRIPT, StaticFile.of("apidocs/" + START_SCRIPT, JAVASCRIPT));
        return Map.copyOf(files);
    }

    private static String fileName(ServerRequest request) {
        return request.path().substring(DOCS_PATH.length() + 1);
    }

    /** GET, and HEAD as well (the server leaves out the body): a functional route's GET does not take HEAD. */
    private static RequestPredicate getOrHead(String pattern) {
        return GET(pattern).or(HEAD(pattern));
    }

    /** The directory inside the webjar is named by its version; read it from the jar rather than repeat it here. */
    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource(WEBJAR_PROPERTIES).getInputStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Swagger UI (org.webjars:swagger-ui) is not on the classpath", e);
        }
        String version = properties.getProperty("version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException(WEBJAR_PROPERTIES + " names no version");
        }
        return version;
    }

    private static byte[] bytesOf(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + " from the classpath", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
