package dev.vouch.kit.outbox;

import java.util.List;

/**
 * A MongoDB document that carries its own pending events in the field {@value #PENDING_EVENTS}.
 * Saving it through {@link EventOutbox} writes state and events at once and then publishes them.
 */
public interface OutboxDocument {

    String PENDING_EVENTS = "pendingEvents";

    String getId();

    /** Mutable: new events are added here before the document is saved. */
    List<PendingEvent> getPendingEvents();
}
