package dev.vouch.kit.outbox;

/**
 * A MongoDB document that carries its own pending events in the field {@value #PENDING_EVENTS}, which only
 * {@link EventOutbox} writes and only {@link OutboxRelay} reads and empties. Aggregates extend
 * {@link AggregateRoot}.
 */
public interface OutboxDocument {

    String PENDING_EVENTS = "pendingEvents";

    String getId();
}
