package app.kariz.gateway.tracing;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent}: {@code version-traceId-parentId-flags}, e.g.
 * {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}. The gateway takes part in a trace only by
 * passing it on: a valid header is forwarded as version {@code 00}, anything else starts a new trace.
 */
public record Traceparent(String traceId, String parentId, String flags) {

    public static final String HEADER = "traceparent";
    /** Vendor data that belongs to a trace; meaningless once the trace is restarted. */
    public static final String STATE_HEADER = "tracestate";

    private static final Pattern FIELDS = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final int LENGTH = 55;
    private static final String SAMPLED = "01";

    /**
     * The trace a request belongs to, following the W3C parsing rules: exactly one header, lowercase hex, neither
     * id all zeros, version {@code ff} invalid; version {@code 00} is exactly 55 characters, a later version may
     * carry more after a further {@code -}, which is dropped.
     */
    public static Optional<Traceparent> parse(List<String> headerValues) {
        if (headerValues.size() != 1) {
            return Optional.empty();
        }
        String value = headerValues.get(0).strip();
        if (value.length() < LENGTH) {
            return Optional.empty();
        }
        var fields = FIELDS.matcher(value.substring(0, LENGTH));
        if (!fields.matches()) {
            return Optional.empty();
        }
        String version = fields.group(1);
        boolean lengthFitsVersion = version.equals("00") ? value.length() == LENGTH
                : value.length() == LENGTH || value.charAt(LENGTH) == '-';
        if (version.equals("ff") || !lengthFitsVersion || isZero(fields.group(2)) || isZero(fields.group(3))) {
            return Optional.empty();
        }
        return Optional.of(new Traceparent(fields.group(2), fields.group(3), fields.group(4)));
    }

    /** A new trace: random trace and parent ids, sampled. */
    public static Traceparent start() {
        return new Traceparent(randomHex(16), randomHex(8), SAMPLED);
    }

    /** The header value, always in version {@code 00}, the version this gateway speaks. */
    public String value() {
        return "00-" + traceId + "-" + parentId + "-" + flags;
    }

    private static boolean isZero(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(random);
        } while (isZero(HexFormat.of().formatHex(random)));
        return HexFormat.of().formatHex(random);
    }
}
