package app.kariz.support.web;

import app.kariz.contract.identity.IdentityHeaders;
import app.kariz.contract.identity.IdentitySignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets through only requests whose identity headers the gateway signed ({@link IdentitySignature}) less than
 * {@link #MAX_SKEW} ago by this service's clock; any other answers 401 problem+json before a controller sees it.
 * The services sit behind the gateway on an internal network; this makes a forged or replayed header set worthless
 * if that network is ever reachable from outside.
 */
class IdentityVerification extends OncePerRequestFilter {

    public static final Duration MAX_SKEW = Duration.ofSeconds(300);
    private static final Logger log = LoggerFactory.getLogger(IdentityVerification.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdentitySignature signature;
    private final Clock clock;

    /** @param signature null to trust unsigned headers (a single service's tests only) */
    private IdentityVerification(IdentitySignature signature, Clock clock) {
        this.signature = signature;
        this.clock = clock;
    }

    public static IdentityVerification verifying(String secret, Clock clock) {
        return new IdentityVerification(new IdentitySignature(secret), clock);
    }

    /**
     * From the service's settings: with a secret, every request is verified; without one the service must not run,
     * unless it was told explicitly to trust unsigned headers.
     *
     * @throws IllegalStateException without a secret and without that explicit trust
     */
    public static IdentityVerification configured(String secret, boolean unsignedHeadersTrusted, Clock clock) {
        if (secret != null && !secret.isBlank()) {
            return verifying(secret, clock);
        }
        if (!unsignedHeadersTrusted) {
            throw new IllegalStateException("kariz.identity.secret (environment variable KARIZ_INTERNAL_SECRET) is "
                    + "not set: this service cannot verify that the Kariz-* identity headers come from the gateway. "
                    + "Set it to the secret the gateway signs with. Only a single service's tests may set "
                    + "kariz.identity.unsigned-headers-trusted=true instead.");
        }
        log.warn("Trusting unsigned identity headers (kariz.identity.unsigned-headers-trusted=true): anyone who can "
                + "reach this service can act as anyone. Never run it like this behind a real gateway.");
        return new IdentityVerification(null, clock);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = signature == null ? null : refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        // The reason helps whoever wires a gateway to the service; it reveals nothing of the secret.
        log.warn("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), refusal);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:kariz:problem:unauthenticated");
        problem.put("title", "Unauthenticated");
        problem.put("status", HttpStatus.UNAUTHORIZED.value());
        problem.put("detail", refusal);
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }

    /** @return why the request's identity cannot be trusted, or null when it can */
    private String refusal(HttpServletRequest request) {
        String given = request.getHeader(IdentityHeaders.SIGNATURE);
        String issuedAt = request.getHeader(IdentityHeaders.ISSUED_AT);
        if (given == null || issuedAt == null) {
            return "The request carries no signed caller identity";
        }
        long issuedAtSecond;
        try {
            issuedAtSecond = Long.parseLong(issuedAt);
        } catch (NumberFormatException e) {
            return "The identity's time of issue is not a number of epoch seconds";
        }
        long now = clock.instant().getEpochSecond();
        if (issuedAtSecond < now - MAX_SKEW.toSeconds() || issuedAtSecond > now + MAX_SKEW.toSeconds()) {
            return "The identity was issued more than " + MAX_SKEW.toSeconds() + " s from this service's clock";
        }
        String expected = signature.sign(request.getMethod(), request.getRequestURI(), request::getHeader);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            return "The identity signature does not match the request";
        }
        return null;
    }
}
