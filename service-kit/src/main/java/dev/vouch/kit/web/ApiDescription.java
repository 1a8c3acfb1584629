package dev.vouch.kit.web;

import dev.vouch.kit.security.AccessScope;
import dev.vouch.kit.security.AccessScopeArgumentResolver;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the kit adds to every operation of the OpenAPI description, so that no service can forget it: the
 * {@code studentId} an advisor passes to read a student's records (the {@link AccessScopeArgumentResolver}
 * reads it, so no controller declares it), and the problem+json error responses the kit answers.
 */
public class ApiDescription implements OperationCustomizer {

    public static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** RFC 9457 problem details as every Vouch service writes them. */
    public static Schema<?> problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field at fault, as a path: ratings.standing, targets[0]"))
                .addProperty("message", new StringSchema().description("What is wrong with it"));
        error.setRequired(List.of("field", "message"));
        Schema<?> problem = new ObjectSchema()
                .description("An error, as RFC 9457 problem details (application/problem+json). Switch on type; some "
                        + "problems carry more members (currentStatus, allowedStatuses, currentVersion...).")
                .addProperty("type", new StringSchema().format("uri")
                        .description("Stable identifier of the kind of problem, e.g. https://vouch.dev/problems/validation"))
                .addProperty("title", new StringSchema().description("Short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong this time, for a person"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request path"))
                .addProperty("errors", new ArraySchema().items(error)
                        .description("For validation problems: every field at fault"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        boolean read = mapping != null && (mapping.method().length == 0
                || Arrays.asList(mapping.method()).contains(RequestMethod.GET));
        boolean scoped = has(handler, parameter -> AccessScope.class.equals(parameter.getParameterType()));
        if (scoped && read) {
            declareStudentId(operation);
        }
        boolean body = has(handler, parameter -> parameter.hasParameterAnnotation(RequestBody.class));
        boolean versioned = has(handler, parameter -> {
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            return header != null && HttpHeaders.IF_MATCH.equalsIgnoreCase(
                    header.name().isEmpty() ? header.value() : header.name());
        });
        boolean byId = has(handler, parameter -> parameter.hasParameterAnnotation(PathVariable.class));

        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", body ? "Invalid request: the body or a parameter is not valid (problem type validation "
                + "names each field) or is not well-formed JSON (malformed-body)" : "Invalid request: a parameter is not valid "
                + "(problem type validation names each field)");
        errors.put("401", "No valid bearer token (problem type unauthorized)");
        errors.put("403", "The token's roles do not allow this (problem type forbidden)");
        if (byId) {
            errors.put("404", "No such record, or not the caller's to see (problem type not-found)");
        }
        if (versioned) {
            errors.put("409", "The record's current state forbids this; nothing was changed");
            errors.put("412", "If-Match is not the record's current version (problem type stale-version)");
            errors.put("428", "If-Match is missing where this operation requires it (problem type version-required)");
        } else if (!read) {
            errors.put("409", "The record's current state forbids this; nothing was changed");
        }
        if (body) {
            errors.put("413", "The body is over the size limit (problem type body-too-large)");
            errors.put("415", "The body is not application/json (problem type unsupported-media-type)");
        }
        errors.put("406", "The Accept header allows no representation this operation has (problem type not-acceptable)");
        errors.put("500", "Something went wrong on the server; nothing sent was lost (problem type internal)");

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        errors.forEach((status, description) -> {
            ApiResponse existing = responses.get(status);
            // Keep a description the controller wrote; the body is always a problem.
            String text = existing != null && existing.getDescription() != null && !existing.getDescription().isBlank()
                    && !existing.getDescription().equals(reasonPhrase(status)) ? existing.getDescription() : description;
            responses.addApiResponse(status, problemResponse(text));
        });
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getContent() == null || !response.getContent().containsKey(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
                    response.setContent(problemContent());
                }
            }
        });
        operation.setResponses(responses);
        return operation;
    }

    private static void declareStudentId(Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        if (parameters != null) {
            parameters.removeIf(parameter -> AccessScopeArgumentResolver.STUDENT_PARAM.equals(parameter.getName())
                    && "query".equals(parameter.getIn()));
        }
        operation.addParametersItem(new Parameter()
                .name(AccessScopeArgumentResolver.STUDENT_PARAM)
                .in("query")
                .required(false)
                .description("Advisors only, and then required: the student whose records to read (of the advisor's "
                        + "own institution; a student of another one answers as if the record did not exist). A "
                        + "student may leave it out or pass their own id.")
                .schema(new StringSchema().maxLength(200)));
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
    }

    private static String reasonPhrase(String status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(Integer.parseInt(status));
        return known == null ? "" : known.getReasonPhrase();
    }

    private static boolean has(HandlerMethod handler, java.util.function.Predicate<MethodParameter> test) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(test);
    }
}
