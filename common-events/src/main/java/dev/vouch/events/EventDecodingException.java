package dev.vouch.events;

/** Bytes or attributes that do not make a Vouch event: unknown type, missing attribute or bad JSON. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
