package dev.vouch.kit.web;

import dev.vouch.kit.security.AccessScopeArgumentResolver.MissingStudentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error of every Vouch API as RFC 9457 {@code application/problem+json}. Input problems name the field
 * at fault in {@code errors: [{field, message}]}; nothing a client sends can produce a 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(fieldError(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(fieldError(error.getObjectName(), error.getDefaultMessage())));
        return validationProblem(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? fieldError.getField() : name;
                errors.add(fieldError(field, error.getDefaultMessage()));
            }
        });
        return validationProblem(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String message = "'" + ex.getValue() + "' is not a valid " + describe(ex.getRequiredType());
        return validationProblem(List.of(fieldError(field, message)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, BodySizeLimit.BodyTooLargeException.class) != null) {
            ProblemDetail problem = ApiException.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "Request body too large", causedBy(ex, BodySizeLimit.BodyTooLargeException.class).getMessage());
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        MismatchedInputException mismatch = causedBy(ex, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String message;
            if (mismatch instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                message = "'" + invalid.getValue() + "' is not one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
            } else if (mismatch instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (mismatch instanceof StrictJson.InvalidTextException) {
                message = mismatch.getOriginalMessage();
            } else if (mismatch instanceof InvalidFormatException invalid) {
                message = "'" + invalid.getValue() + "' is not a valid " + describe(invalid.getTargetType());
            } else {
                message = "has the wrong type; expected " + describe(mismatch.getTargetType());
            }
            return validationProblem(List.of(fieldError(field, message)), headers, request);
        }
        String duplicate = duplicateKey(causedBy(ex, StreamReadException.class));
        if (duplicate != null) {
            return validationProblem(List.of(fieldError(duplicate, "appears more than once in the same object")),
                    headers, request);
        }
        String detail = causedBy(ex, StreamReadException.class) != null
                ? "The body is not well-formed JSON: " + causedBy(ex, StreamReadException.class).getOriginalMessage()
                : causedBy(ex, JacksonException.class) != null
                ? "The body cannot be read: " + causedBy(ex, JacksonException.class).getOriginalMessage()
                : "A JSON body is required";
        ProblemDetail problem = ApiException.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", detail);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(MissingStudentException.class)
    ResponseEntity<Object> missingStudent(MissingStudentException ex, WebRequest request) {
        return validationProblem(List.of(fieldError("studentId", ex.getMessage())), new HttpHeaders(), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException ex, WebRequest request) {
        ProblemDetail problem = ApiException.problem(HttpStatus.CONFLICT, "concurrent-update", "Concurrent update",
                "The record was changed by another request at the same time. Read it again and retry.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException ex, WebRequest request) {
        ProblemDetail problem = ApiException.problem(HttpStatus.CONFLICT, "duplicate", "Already exists",
                "A record with the same identity already exists");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException ex, WebRequest request) {
        ProblemDetail problem = ApiException.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ex.getMessage());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error on {}", request.getDescription(false), ex);
        ProblemDetail problem = ApiException.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; nothing you sent was lost. Try again later.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> validationProblem(List<Map<String, String>> errors, HttpHeaders headers, WebRequest request) {
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; "));
        ProblemDetail problem = ApiException.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(new IllegalArgumentException(detail), problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Stable types for the errors Spring MVC raises itself (405, 406, 415, 404 for an unknown path, a missing
     * parameter...): they come as {@code about:blank}, which a client cannot switch on.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            problem.setType(Problems.type(Problems.slugFor(statusCode.value())));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    /** The path of a key that appears twice in one object (strict duplicate detection), or null. */
    private static String duplicateKey(StreamReadException e) {
        if (e == null || e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate Object property")
                || e.processor() == null) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (TokenStreamContext context = e.processor().streamReadContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            segments.add(0, context.inObject() ? "." + context.currentName() : "[" + context.getCurrentIndex() + "]");
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value, one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "ISO-8601 date-time, e.g. 2027-01-15T17:00:00Z";
            case "LocalDate" -> "ISO-8601 date, e.g. 2027-01-15";
            case "int", "Integer", "long", "Long" -> "whole number";
            case "boolean", "Boolean" -> "boolean (true or false)";
            default -> type.getSimpleName();
        };
    }

    private static <T extends Throwable> T causedBy(Throwable ex, Class<T> type) {
        Throwable current = ex;
        while (current != null) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return null;
    }
}
