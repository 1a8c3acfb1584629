package dev.vouch.reminder.store;

import dev.vouch.events.ReminderEvent;
import dev.vouch.events.ReminderKind;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.AggregateRoot;
import dev.vouch.kit.outbox.PendingEvent;
import dev.vouch.reminder.lifecycle.ReminderFacts;
import dev.vouch.reminder.lifecycle.ReminderState;
import dev.vouch.reminder.lifecycle.StoredReminder;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A reminder that has fired at least once, as stored: whose it is, its facts ({@link ReminderFacts}) and the
 * events that announced its changes (the outbox). Reminders that have not fired yet are not stored; they
 * follow from the projections (see {@code ReminderAgenda}).
 */
@Document(Reminder.COLLECTION)
// The open-reminders gauge reads only these two fields: a covered query on MongoDB.
@CompoundIndex(name = "open_by_kind", def = "{'state': 1, 'facts.kind': 1}")
public class Reminder extends AggregateRoot {

    public static final String COLLECTION = "reminders";

    private ReminderFacts facts;
    /** Follows from the facts; stored so that open reminders can be counted by one query. */
    private ReminderState state;
    @Version
    private Long version;

    Reminder() {
        // for the mapping
    }

    /** The reminder at the version it was read at (0: not stored yet), taking new facts and their events. */
    public Reminder(String tenant, String studentId, long readVersion, ReminderFacts facts, List<ReminderEvent> events) {
        super(facts.id(), tenant, studentId);
        this.version = readVersion == 0 ? null : readVersion;
        change(facts, events);
    }

    /** New facts, announced by {@code events} when it is saved. */
    public void change(ReminderFacts next, List<ReminderEvent> events) {
        facts = next;
        state = next.state();
        events.forEach(this::registerEvent);
    }

    /** An event's stamped time is when it happened: the facts take it, so they and the topic say the same. */
    @Override
    protected void recorded(VouchEvent event, PendingEvent stamped) {
        if (event instanceof ReminderEvent reminderEvent) {
            facts = facts.remembered(reminderEvent, stamped.time());
            state = facts.state();
        }
    }

    public StoredReminder stored() {
        return new StoredReminder(getTenant(), getStudentId(), loadedVersion(), facts);
    }

    public ReminderFacts facts() {
        return facts;
    }

    /** The version it was read at; 0 for one not stored yet. */
    public long loadedVersion() {
        return version == null ? 0 : version;
    }




    public ReminderState getState() {
        return facts.state();
    }

    public ReminderKind getKind() {
        return facts.kind();
    }

    public Instant getDueAt() {
        return facts.dueAt();
    }

    public Instant getFiredAt() {
        return facts.firedAt();
    }

    public Instant getSnoozedUntil() {
        return facts.snoozedUntil();
    }

    public String getMessage() {
        return facts.message();
    }

    public Instant nextFireAt() {
        return facts.nextFireAt();
    }

    public Long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return getId() + "[" + getState() + ", due " + getDueAt() + ", fired " + getFiredAt() + ", v" + version + "]";
    }
}
