package dev.vouch.kit.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Which page of a list a client asks for: {@code ?page=} (from 0, default 0) and {@code ?size=} (1 to
 * {@value ResultPage#MAX_SIZE}, default 20). A controller takes it as a parameter; {@link PageRequestResolver}
 * reads and checks it, the same way for every list of every service.
 */
public record PageRequest(
        @Schema(description = "0-based page number", defaultValue = "0", minimum = "0") int page,
        @Schema(description = "items per page", defaultValue = "20", minimum = "1", maximum = "100") int size) {

    public static final int DEFAULT_SIZE = 20;

    /** How many items come before this page. */
    public long offset() {
        return (long) page * size;
    }
}
