package dev.vouch.kit.security;

/** What a token may do, from its {@code roles} claim. */
public enum Role {
    /** Sees and changes only their own records. */
    STUDENT,
    /** Reads every student of their own institution. */
    ADVISOR,
    /** Another system of the institution (portal, notification sender). */
    INTEGRATION,
    /** Runs the platform. */
    OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
