package dev.vouch.kit.outbox;

import dev.vouch.events.EventEnvelope;
import dev.vouch.events.VouchEvent;

import java.net.URI;
import java.time.Clock;

/** Wraps event records in envelopes stamped with this service as source and the injected clock's time. */
public class EventFactory {

    private final URI source;
    private final Clock clock;

    public EventFactory(String serviceName, Clock clock) {
        this.source = URI.create("/vouch/" + serviceName);
        this.clock = clock;
    }

    public <E extends VouchEvent> EventEnvelope<E> envelope(E event, String tenant, String studentId, long sequence) {
        return EventEnvelope.of(event, source, clock.instant(), tenant, studentId, sequence);
    }

    /** The pending form of an event, ready to add to an {@link OutboxDocument}. */
    public PendingEvent pending(VouchEvent event, String tenant, String studentId, long sequence) {
        return PendingEvent.of(envelope(event, tenant, studentId, sequence));
    }
}
