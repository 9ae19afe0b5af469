package app.kariz.gateway.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An OIDC provider as far as the gateway sees one: a discovery document and a JWKS of a locally generated RSA key,
 * served over HTTP, and tokens signed with that key the way Keycloak's realm export issues them.
 */
final class TestIdentityProvider implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RSAKey signingKey;
    private final HttpServer server;
    private final String issuer;
    private final AtomicInteger requests = new AtomicInteger();

    TestIdentityProvider() {
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("key-1").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/kariz";
        server.createContext("/realms/kariz/.well-known/openid-configuration", exchange -> answer(exchange,
                JSON.writeValueAsString(Map.of("issuer", issuer, "jwks_uri", jwkSetUri(),
                        "subject_types_supported", new String[] {"public"}))));
        server.createContext("/realms/kariz/protocol/openid-connect/certs", exchange -> answer(exchange,
                new JWKSet(signingKey.toPublicJWK()).toString()));
        server.start();
    }

    String issuer() {
        return issuer;
    }

    String jwkSetUri() {
        return issuer + "/protocol/openid-connect/certs";
    }

    int requests() {
        return requests.get();
    }

    /** A valid token of this issuer for the organisation, adjusted by {@code claims}. */
    String sign(String organizationId, Consumer<JWTClaimsSet.Builder> claims) {
        return sign(signingKey, organizationId, claims);
    }

    String sign(RSAKey key, String organizationId, Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience("kariz")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("kariz_org", organizationId);
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private void answer(HttpExchange exchange, String body) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
