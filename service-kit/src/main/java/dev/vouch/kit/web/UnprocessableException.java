package dev.vouch.kit.web;

import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** 422: the body is valid JSON and well formed, but refers to something that cannot be used (e.g. an unknown id). */
public class UnprocessableException extends ApiException {

    public UnprocessableException(String field, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Request cannot be processed", detail);
        with("errors", List.of(Map.of("field", field, "message", detail)));
    }
}
