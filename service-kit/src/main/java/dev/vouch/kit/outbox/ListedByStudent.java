package dev.vouch.kit.outbox;

/**
 * An aggregate listed per student (a student's mentors, their letters): its collection has the
 * {@link StudentIndex}'s unique index on {@code (tenant, studentId, _id)}, which the outbox creates before it
 * first writes there and by which such lists are read.
 */
public interface ListedByStudent {
}
