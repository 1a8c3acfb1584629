package dev.vouch.kit.web;

import java.net.URI;

/** Problem types: stable URIs a client can switch on. */
public final class Problems {

    public static final String BASE = "https://vouch.dev/problems/";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /**
     * The type of an error known only by its status (one the framework or the server raised): the same status
     * always gives the same type, so no problem a Vouch service answers is {@code about:blank}.
     */
    public static String slugFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "body-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 428 -> "precondition-required";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
    }
}
