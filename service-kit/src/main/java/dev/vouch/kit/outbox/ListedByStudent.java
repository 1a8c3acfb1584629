package dev.vouch.kit.outbox;

/**
 * An aggregate listed per student (a student's mentors, their letters): the outbox records each new one in the
 * {@link StudentIndex}, from which such lists are read by {@code _id}.
 */
public interface ListedByStudent {
}
