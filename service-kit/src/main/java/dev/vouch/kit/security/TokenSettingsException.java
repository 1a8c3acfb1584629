package dev.vouch.kit.security;

/**
 * Token settings a service refuses to start with: ambiguous, missing, or able to make the service trust tokens
 * it did not mean to. The message names the settings; {@link #action()} says what to change.
 */
public class TokenSettingsException extends IllegalStateException {

    private final String action;

    public TokenSettingsException(String message, String action) {
        super(message);
        this.action = action;
    }

    public TokenSettingsException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
