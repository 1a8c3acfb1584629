package dev.vouch.kit.outbox;

import dev.vouch.events.VouchEvent;
import dev.vouch.kit.security.StudentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;

import java.util.ArrayList;
import java.util.List;

/**
 * A MongoDB document whose changes are announced by events, as Spring Data's {@code AbstractAggregateRoot}
 * does it: a change registers plain event records with {@link #registerEvent}, and {@link EventOutbox} does
 * the rest when the aggregate is saved. It stamps each event (id, source, time, and as sequence the version
 * the aggregate reaches with it), writes state and events in one document write, and hands them to the relay.
 * The aggregate needs a {@code @Version} field; a version of 0 or null means it is not stored yet.
 */
public abstract class AggregateRoot implements OutboxDocument, StudentOwned {

    @Id
    private String id;
    private String tenant;
    private String studentId;
    @Transient
    private final List<VouchEvent> registered = new ArrayList<>();

    /** For the mapping, which sets the fields. */
    protected AggregateRoot() {
    }

    /** One student's aggregate: every event it registers is stamped with this tenant and student. */
    protected AggregateRoot(String id, String tenant, String studentId) {
        this.id = id;
        this.tenant = tenant;
        this.studentId = studentId;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getTenant() {
        return tenant;
    }

    @Override
    public final String getStudentId() {
        return studentId;
    }

    /** Registers an event of the change being made; it goes out with the next save. */
    protected void registerEvent(VouchEvent event) {
        registered.add(event);
    }

    /** The events registered since the last save, in order. */
    public final List<VouchEvent> registeredEvents() {
        return List.copyOf(registered);
    }

    /**
     * What a store does as it writes this aggregate ({@link EventOutbox}; an in-memory store in tests): stamps
     * each registered event with the version after {@code version}, tells the aggregate ({@link #recorded}) and
     * clears the registered events. A write that then fails leaves the aggregate to be read again.
     */
    public final List<PendingEvent> stampRegisteredEvents(EventFactory events, long version) {
        List<PendingEvent> stamped = new ArrayList<>(registered.size());
        long sequence = version;
        for (VouchEvent event : registered) {
            PendingEvent pending = events.pending(event, getTenant(), getStudentId(), ++sequence);
            recorded(event, pending);
            stamped.add(pending);
        }
        registered.clear();
        return stamped;
    }

    /**
     * Called by the outbox for each registered event once it is stamped, before the write: an aggregate that
     * keeps when something was announced (a reminder's firing) takes the event's time from here, so what it
     * stores and what subscribers read say the same instant.
     */
    protected void recorded(VouchEvent event, PendingEvent stamped) {
    }
}
