package dev.vouch.kit.web;

import org.springframework.http.HttpStatus;

/**
 * Optimistic concurrency over HTTP: responses carry the record's version as a strong ETag, updates must send
 * it back in {@code If-Match}. A missing header answers 428, a stale one 412; nothing is written in either case.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Checks {@code If-Match} against the record's current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        long expected = parse(ifMatch);
        if (expected != currentVersion) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                    "The record changed since version " + expected + "; it is now at version " + currentVersion
                            + ". Read it again and retry.")
                    .with("currentVersion", currentVersion);
        }
    }

    public static long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "version-required", "If-Match required",
                    "Send the version you read in the If-Match header (the ETag of the record)");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                    "If-Match '" + ifMatch + "' is not a version of this record");
        }
    }
}
