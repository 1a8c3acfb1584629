package dev.vouch.testsupport;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Vouch service's API description promises its clients. A service's test extends it and adds
 * {@link VouchServiceTest}: {@code /v3/api-docs} is valid OpenAPI 3.1 for swagger-parser (any message fails),
 * {@code info} has a contact and a license, every operation has a summary, a description and its problem+json
 * error responses, every parameter has a schema, and every read takes the advisor's {@code studentId}.
 * The document is also written to {@code target/openapi.json}, for linters run by hand.
 */
public abstract class ApiDescriptionContract {

    static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    protected int port;

    private String json;
    private SwaggerParseResult parsed;

    /** Reads ({@code "GET /api/v1/..."}) that are not per student, so take no {@code studentId}. */
    protected Set<String> readsWithoutStudent() {
        return Set.of();
    }

    @BeforeEach
    void readTheDescription() {
        ApiClient.Response docs = new ApiClient(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        json = docs.body();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        parsed = new OpenAPIParser().readContents(json, null, options);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "openapi.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void isValidOpenApi31() {
        assertThat(parsed.getMessages()).as("swagger-parser messages").isEmpty();
        assertThat(parsed.getOpenAPI()).isNotNull();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void infoHasATitleAContactAndALicense() {
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getInfo().getTitle()).isNotBlank();
        assertThat(api.getInfo().getDescription()).isNotBlank();
        assertThat(api.getInfo().getContact()).isNotNull();
        assertThat(api.getInfo().getContact().getUrl()).isNotBlank();
        assertThat(api.getInfo().getLicense()).isNotNull();
        assertThat(api.getInfo().getLicense().getName()).isNotBlank();
    }

    @Test
    void everyOperationHasASummaryADescriptionAndProblemErrorResponses() {
        assertThat(operations()).isNotEmpty().allSatisfy((name, operation) -> {
            assertThat(operation.getSummary()).as("summary of %s", name).isNotBlank();
            assertThat(operation.getDescription()).as("description of %s", name).isNotBlank();
            assertThat(operation.getOperationId()).as("operationId of %s", name).isNotBlank();
            assertThat(operation.getTags()).as("tags of %s", name).isNotEmpty();
            assertThat(operation.getResponses()).as("responses of %s", name)
                    .containsKeys("400", "401", "403", "500")
                    .anySatisfy((status, response) -> assertThat(status).startsWith("2"));
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(response.getDescription()).as("%s %s", name, status).isNotBlank();
                    assertThat(problemSchemaOf(response)).as("%s %s is problem+json", name, status)
                            .isEqualTo("#/components/schemas/Problem");
                }
            });
        });
        assertThat(parsed.getOpenAPI().getComponents().getSchemas()).containsKey("Problem");
    }

    @Test
    void everyParameterHasASchema() {
        operations().forEach((name, operation) -> {
            for (Parameter parameter : parameters(operation)) {
                assertThat(parameter.getSchema()).as("schema of %s in %s", parameter.getName(), name).isNotNull();
                assertThat(parameter.getSchema().getType() != null || parameter.getSchema().getTypes() != null
                        || parameter.getSchema().get$ref() != null)
                        .as("type of %s in %s", parameter.getName(), name).isTrue();
            }
        });
    }

    @Test
    void everyReadOfAStudentsRecordsTakesTheAdvisorsStudentId() {
        operations().forEach((name, operation) -> {
            if (name.startsWith("GET ") && !readsWithoutStudent().contains(name)) {
                assertThat(parameters(operation)).as("parameters of %s", name)
                        .anySatisfy(parameter -> {
                            assertThat(parameter.getName()).isEqualTo("studentId");
                            assertThat(parameter.getIn()).isEqualTo("query");
                            assertThat(parameter.getSchema().getTypes()).contains("string");
                        });
            }
        });
        readsWithoutStudent().forEach(name -> assertThat(operations()).as("operations").containsKey(name));
    }

    /** Every operation as {@code "METHOD /path"}. */
    protected Map<String, Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        parsed.getOpenAPI().getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method.name() + " " + path, operation)));
        return operations;
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    private static String problemSchemaOf(ApiResponse response) {
        if (response.getContent() == null) {
            return null;
        }
        MediaType media = response.getContent().get(PROBLEM_JSON);
        return media == null || media.getSchema() == null ? null : media.getSchema().get$ref();
    }
}
