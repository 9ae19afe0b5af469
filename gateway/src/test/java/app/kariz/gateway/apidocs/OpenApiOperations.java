package app.kariz.gateway.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of the API's OpenAPI description as a list a test can walk: method, documented path template and
 * a concrete path with every {@code {placeholder}} filled in. Meant for checks such as "every documented operation
 * is routed" here, and "every documented path answers, not with a route-level 404" against a running stack.
 */
public final class OpenApiOperations {

    /** The description as the gateway serves it. */
    public static final String RESOURCE = "openapi/kariz-api-v1.json";

    /** Where OpenAPI lists operations under a path, in the order they are taken. */
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

    /**
     * One documented operation.
     *
     * @param method       upper case, e.g. {@code POST}
     * @param template     the documented path, e.g. {@code /api/v1/deals/{id}/move}
     * @param concretePath the template with each placeholder replaced, e.g. {@code /api/v1/deals/x-id/move}
     * @param operationId  the description's id of the operation
     * @param hasBody      whether the operation documents a request body
     * @param publicAccess whether the operation needs no token ({@code security: []})
     */
    public record Operation(String method, String template, String concretePath, String operationId,
                            boolean hasBody, boolean publicAccess) {

        /** The method and the template with placeholder names dropped: {@code POST /api/v1/deals/{}/move}. */
        public String key() {
            return method + " " + anonymous(template);
        }
    }

    private OpenApiOperations() {
    }

    /** The description on the classpath, parsed. */
    public static JsonNode load() {
        try (InputStream in = OpenApiOperations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation, each placeholder filled by {@code x-<name>} (e.g. {@code x-id}, {@code x-stageId}). */
    public static List<Operation> of(JsonNode description) {
        return of(description, name -> "x-" + name);
    }

    /** Every operation of the description, each placeholder filled by {@code value(name)}. */
    public static List<Operation> of(JsonNode description, Function<String, String> value) {
        List<Operation> operations = new ArrayList<>();
        boolean publicByDefault = description.path("security").isArray() && description.path("security").isEmpty();
        Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                JsonNode security = operation.get("security");
                boolean publicAccess = security == null ? publicByDefault : security.isArray() && security.isEmpty();
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(),
                        fill(path.getKey(), value), operation.path("operationId").asText(null),
                        operation.has("requestBody"), publicAccess));
            }
        }
        return operations;
    }

    /** The placeholder names of a template, in order: {@code [id, stageId]}. */
    public static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** {@code /api/v1/pipelines/{id}/stages/{stageId}} → {@code /api/v1/pipelines/{}/stages/{}}. */
    public static String anonymous(String template) {
        return PLACEHOLDER.matcher(template).replaceAll("{}");
    }

    /** Placeholder values must stay one path segment; these ids are what tests make up, never user input. */
    private static String fill(String template, Function<String, String> value) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String replacement = value.apply(matcher.group(1));
            if (replacement == null || replacement.isEmpty() || replacement.contains("/")) {
                throw new IllegalArgumentException("No usable value for {" + matcher.group(1) + "} in " + template);
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** The keys ({@link Operation#key()}) of a list of operations. */
    public static Set<String> keys(List<Operation> operations) {
        return Set.copyOf(operations.stream().map(Operation::key).toList());
    }
}
