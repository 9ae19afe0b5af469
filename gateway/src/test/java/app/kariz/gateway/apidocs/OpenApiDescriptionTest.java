package app.kariz.gateway.apidocs;

import app.kariz.gateway.apidocs.OpenApiOperations.Operation;
import app.kariz.gateway.routing.ApiRoute;
import app.kariz.gateway.routing.ApiRoutes;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written OpenAPI description is a valid OpenAPI 3 document and describes exactly the operations the
 * gateway routes: a route added without documentation, or documentation of a route that does not exist, fails here.
 */
class OpenApiDescriptionTest {

    private static final JsonNode DESCRIPTION = OpenApiOperations.load();
    private static final List<Operation> OPERATIONS = OpenApiOperations.of(DESCRIPTION);

    @Test
    void isStrictJsonWithoutDuplicateKeys() throws IOException {
        // A hand-edited file easily gains a second "description" or "required" that silently wins; Jackson's
        // strict mode and a trailing-token check make that a failure.
        ObjectMapper strict = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        JsonNode parsed = strict.readTree(text());
        assertThat(parsed.path("openapi").asText()).isEqualTo("3.0.3");
    }

    @Test
    void isAValidOpenApiDocument() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text(), null, options);

        assertThat(result.getMessages()).as("validation messages of swagger-parser").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).hasSize(DESCRIPTION.path("paths").size());
    }

    @Test
    void everyReferenceLeadsSomewhere() {
        List<String> dangling = new ArrayList<>();
        collectReferences(DESCRIPTION).forEach(ref -> {
            if (!ref.startsWith("#/") || DESCRIPTION.at(JsonPointer.compile(ref.substring(1))).isMissingNode()) {
                dangling.add(ref);
            }
        });
        assertThat(dangling).as("$refs that lead nowhere").isEmpty();
    }

    @Test
    void everyPathPlaceholderIsAPathParameterAndTheOtherWayRound() {
        List<String> mismatches = new ArrayList<>();
        for (Operation operation : OPERATIONS) {
            Set<String> inTemplate = new TreeSet<>(OpenApiOperations.placeholders(operation.template()));
            Set<String> declared = new TreeSet<>();
            for (JsonNode parameter : parameters(operation)) {
                if (parameter.path("in").asText().equals("path")) {
                    declared.add(parameter.path("name").asText());
                    if (!parameter.path("required").asBoolean()) {
                        mismatches.add(operation.key() + ": path parameter " + parameter.path("name") + " not required");
                    }
                }
            }
            if (!inTemplate.equals(declared)) {
                mismatches.add(operation.method() + " " + operation.template() + ": template " + inTemplate
                        + ", declared " + declared);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void operationIdsAreThereAndUnique() {
        List<String> ids = OPERATIONS.stream().map(Operation::operationId).toList();
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void everyOperationDocumentsTheGatewaysOwnAnswers() {
        List<String> missing = new ArrayList<>();
        for (Operation operation : OPERATIONS) {
            JsonNode responses = operationNode(operation).path("responses");
            List<String> expected = new ArrayList<>(List.of("401", "429"));
            if (operation.hasBody()) {
                expected.addAll(List.of("413", "422"));
            }
            expected.stream().filter(status -> !responses.has(status))
                    .forEach(status -> missing.add(operation.key() + " lacks " + status));
            if (operation.publicAccess()) {
                missing.add(operation.key() + " is documented as public; only the description itself is");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRoutedOperationIsDocumented() {
        Set<String> documented = OpenApiOperations.keys(OPERATIONS);
        Set<String> undocumented = routedKeys().stream().filter(key -> !documented.contains(key))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(undocumented).as("routes in ApiRoutes.v1() missing from the OpenAPI description").isEmpty();
    }

    @Test
    void everyDocumentedOperationIsRouted() {
        Set<String> routed = routedKeys();
        Set<String> unrouted = OpenApiOperations.keys(OPERATIONS).stream()
                .filter(key -> !routed.contains(key))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unrouted).as("documented operations that ApiRoutes.v1() does not route").isEmpty();
    }

    /** The same question asked the way the gateway asks it: a request to the concrete path finds that route. */
    @Test
    void aRequestToEveryDocumentedPathFindsItsOwnRoute() {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : OPERATIONS) {
            MockServerHttpRequest request = MockServerHttpRequest
                    .method(HttpMethod.valueOf(operation.method()), operation.concretePath()).build();
            Optional<ApiRoute> route = ApiRoutes.routeFor(request);
            String found = route.map(r -> r.method().name() + " "
                    + OpenApiOperations.anonymous(r.path().getPatternString())).orElse("no route");
            if (!found.equals(operation.key())) {
                wrong.add(operation.method() + " " + operation.concretePath() + " → " + found);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Set<String> routedKeys() {
        Set<String> keys = new HashSet<>();
        for (ApiRoute route : ApiRoutes.v1()) {
            keys.add(route.method().name() + " " + OpenApiOperations.anonymous(route.path().getPatternString()));
        }
        return keys;
    }

    private static JsonNode operationNode(Operation operation) {
        return DESCRIPTION.path("paths").path(operation.template()).path(operation.method().toLowerCase());
    }

    /** The operation's parameters and its path's, references resolved. */
    private static List<JsonNode> parameters(Operation operation) {
        List<JsonNode> parameters = new ArrayList<>();
        JsonNode pathItem = DESCRIPTION.path("paths").path(operation.template());
        for (JsonNode list : List.of(pathItem.path("parameters"), operationNode(operation).path("parameters"))) {
            for (JsonNode parameter : list) {
                parameters.add(parameter.has("$ref")
                        ? DESCRIPTION.at(JsonPointer.compile(parameter.get("$ref").asText().substring(1)))
                        : parameter);
            }
        }
        return parameters;
    }

    private static List<String> collectReferences(JsonNode node) {
        List<String> references = new ArrayList<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    references.add(field.getValue().asText());
                } else {
                    references.addAll(collectReferences(field.getValue()));
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> references.addAll(collectReferences(element)));
        }
        return references;
    }

    private static String text() throws IOException {
        try (InputStream in = OpenApiDescriptionTest.class.getClassLoader()
                .getResourceAsStream(OpenApiOperations.RESOURCE)) {
            assertThat(in).as(OpenApiOperations.RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
