package dev.vouch.request.letter;

/** A deadline that cannot be read, or that has already passed. The message completes "deadline ...". */
public class InvalidDeadlineException extends IllegalArgumentException {

    public InvalidDeadlineException(String message) {
        super(message);
    }
}
