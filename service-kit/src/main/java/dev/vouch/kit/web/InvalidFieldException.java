package dev.vouch.kit.web;

import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** 400 for a rule checked in code rather than by a Bean Validation annotation (e.g. a deadline in the past). */
public class InvalidFieldException extends ApiException {

    public InvalidFieldException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "validation", "Invalid request", field + ": " + message);
        with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
