package dev.vouch.events;

/**
 * Every event Vouch publishes. The payload of an {@link EventEnvelope}: plain data, past tense, no behaviour.
 *
 * <p>Compatible changes only add optional fields; an incompatible change is a new type
 * ({@code dev.vouch.<Name>.v2}) published beside the old one for a while.
 */
public sealed interface VouchEvent permits MentorEvent, LetterEvent, TargetEvent, ReminderEvent, WriterEvent {

    /** The id of the aggregate the event belongs to; it becomes the CloudEvents {@code subject}. */
    String subject();
}
