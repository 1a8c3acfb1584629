package dev.vouch.reminder.stream;

/** Applying the event at {@link #index()} of a batch failed: that event, not the batch, is at fault. */
public class EventFailedException extends RuntimeException {

    private final int index;

    public EventFailedException(int index, Throwable cause) {
        super("Event " + index + " of the batch could not be applied: " + cause, cause);
        this.index = index;
    }

    public int index() {
        return index;
    }
}
