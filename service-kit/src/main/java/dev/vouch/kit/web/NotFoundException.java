package dev.vouch.kit.web;

import org.springframework.http.HttpStatus;

/** 404: the record does not exist, or it is not the caller's to see (the two are not told apart). */
public class NotFoundException extends ApiException {

    public NotFoundException(String what, String id) {
        super(HttpStatus.NOT_FOUND, "not-found", what + " not found", "No " + what.toLowerCase() + " with id " + id);
    }
}
