package dev.vouch.kit.web;

import org.springframework.http.HttpStatus;

/** 409: the request is well formed but the record's current state forbids it. Nothing was changed. */
public class ConflictException extends ApiException {

    public ConflictException(String type, String detail) {
        super(HttpStatus.CONFLICT, type, "Conflict with the current state", detail);
    }
}
