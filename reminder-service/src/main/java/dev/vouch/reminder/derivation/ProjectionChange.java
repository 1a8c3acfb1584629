package dev.vouch.reminder.derivation;

/**
 * A projection (a letter or a mentor) as read and as folded since: {@code before} is null for one seen for
 * the first time. The write is a compare-and-set on the sequence {@code before} holds.
 */
public record ProjectionChange<T>(T before, T after) {

    public boolean isFirstSeen() {
        return before == null;
    }
}
