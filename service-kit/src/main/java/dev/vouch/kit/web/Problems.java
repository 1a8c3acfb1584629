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
}
