package dev.vouch.reminder.reminder;

import dev.vouch.events.DeadlineApproaching;
import dev.vouch.events.ReminderDue;
import dev.vouch.events.ReminderEvent;
import dev.vouch.events.ReminderKind;
import dev.vouch.events.ReminderResolution;
import dev.vouch.events.ReminderResolved;
import dev.vouch.events.ReminderSnoozed;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.kit.outbox.OutboxDocument;
import dev.vouch.kit.outbox.PendingEvent;
import dev.vouch.kit.security.StudentOwned;
import dev.vouch.reminder.projection.Instants;
import dev.vouch.reminder.rules.Condition;
import dev.vouch.reminder.rules.ReminderIds;
import dev.vouch.reminder.rules.ReminderText;
import dev.vouch.reminder.rules.Verdict;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reminder that has fired at least once: what subscribers and the student have been told about it, what the
 * student did with it, and the rule's current verdict. Reminders that have not fired yet are not stored; they
 * follow from the projections (see {@code ReminderAgenda}).
 *
 * <p>The state is a function of facts that are each recorded once and never moved backwards, so applying the
 * same facts in any order gives the same state. That is what lets a rebuild from the topics arrive at the
 * state of the live run:
 * <ul>
 *   <li>the verdict ({@link #condition}, {@link #dueAt}): the rules' latest word; {@code dueAt} identifies the
 *       current cycle;</li>
 *   <li>{@link #firedAt}: the last time it fired (ReminderDue's event time); it fired in the current cycle
 *       when {@code firedAt >= dueAt};</li>
 *   <li>{@link #closedAt}/{@link #closedAs}: the student marked it done or dismissed it (ReminderResolved);
 *       a close covers every cycle due by then;</li>
 *   <li>{@link #snoozedAt}/{@link #snoozedUntil}: the student put it off;</li>
 *   <li>{@link #resolutionAnnouncedAt}: ReminderResolved(CONDITION_CLEARED) was published for the last firing.</li>
 * </ul>
 * A new cycle (the due time moving past the last firing: a deadline moved later, a contact after a
 * stay-in-touch fired) resolves the reminder (announced if it had been announced) and fires it again when due.
 */
@Document(Reminder.COLLECTION)
public class Reminder implements OutboxDocument, StudentOwned {

    public static final String COLLECTION = "reminders";

    @Id
    private String id;
    private String tenant;
    private String studentId;
    private ReminderKind kind;
    private String letterId;
    private String mentorId;
    private Integer daysBefore;
    private String variant;
    private boolean escalateToAdvisor;
    /** Null until a rule has judged it (a firing replayed from the topic before the facts it follows from). */
    private Condition condition;
    private Instant dueAt;
    private Instant deadline;
    private Instant firedAt;
    private Instant closedAt;
    private ReminderResolution closedAs;
    private Instant snoozedAt;
    private Instant snoozedUntil;
    private Instant resolutionAnnouncedAt;
    private ReminderState state;
    private String title;
    private String message;
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    /** Events added since the document was loaded, in order; they carry sequences after the loaded version. */
    @Transient
    private List<PendingEvent> newEvents = new ArrayList<>();

    public Reminder() {
    }

    /** A reminder about to fire for the first time. */
    public static Reminder of(Verdict verdict, String tenant, String studentId) {
        Reminder reminder = new Reminder();
        reminder.id = verdict.reminderId();
        reminder.tenant = tenant;
        reminder.studentId = studentId;
        reminder.kind = verdict.kind();
        reminder.judge(verdict);
        reminder.refreshState();
        return reminder;
    }

    /** A reminder known from its own ReminderDue on the topic, before (or without) the facts behind it. */
    public static Reminder announced(ReminderDue due, String tenant, String studentId, Instant firedAt) {
        Reminder reminder = new Reminder();
        ReminderIds.Parsed parsed = ReminderIds.parse(due.reminderId());
        reminder.id = due.reminderId();
        reminder.tenant = tenant;
        reminder.studentId = studentId;
        reminder.kind = due.kind();
        reminder.letterId = due.letterId();
        reminder.mentorId = due.mentorId();
        reminder.daysBefore = parsed == null ? null : parsed.daysBefore();
        reminder.variant = parsed == null ? null : parsed.variant();
        reminder.escalateToAdvisor = due.escalateToAdvisor();
        reminder.dueAt = Instants.stored(due.dueAt());
        reminder.firedAt = Instants.stored(firedAt);
        reminder.title = due.title();
        reminder.message = due.message();
        reminder.refreshState();
        return reminder;
    }

    // ---- the rules' verdict -------------------------------------------------------------------------------

    /** Takes the rules' latest verdict. An inactive verdict keeps the last cycle's due time. */
    public void judge(Verdict verdict) {
        condition = verdict.condition();
        if (verdict.dueAt() != null && (verdict.isActive() || dueAt == null)) {
            dueAt = verdict.dueAt();
        }
        letterId = verdict.letterId() != null ? verdict.letterId() : letterId;
        mentorId = verdict.mentorId() != null ? verdict.mentorId() : mentorId;
        deadline = verdict.deadline() != null ? verdict.deadline() : deadline;
        daysBefore = verdict.daysBefore() != null ? verdict.daysBefore() : daysBefore;
        variant = verdict.variant() != null ? verdict.variant() : variant;
        escalateToAdvisor = verdict.escalateToAdvisor();
        refreshState();
    }

    public void retitle(ReminderText.Text text) {
        title = text.title();
        message = text.message();
    }

    // ---- derived state ------------------------------------------------------------------------------------

    /** Whether it fired in the current cycle. */
    public boolean hasFiredThisCycle() {
        return firedAt != null && (dueAt == null || !firedAt.isBefore(dueAt));
    }

    private boolean isClosedThisCycle() {
        return closedAt != null && (dueAt == null || !closedAt.isBefore(dueAt))
                && (snoozedAt == null || !closedAt.isBefore(snoozedAt));
    }

    private boolean isSnoozedThisCycle() {
        return snoozedAt != null && snoozedUntil != null && (dueAt == null || !snoozedAt.isBefore(dueAt))
                && (closedAt == null || closedAt.isBefore(snoozedAt))
                && firedAt != null && !firedAt.isAfter(snoozedAt);
    }

    private boolean isConditionHolding() {
        return condition == null || condition.isActive();
    }

    void refreshState() {
        if (isClosedThisCycle()) {
            state = closedAs == ReminderResolution.DISMISSED ? ReminderState.DISMISSED : ReminderState.DONE;
        } else if (isConditionHolding() && hasFiredThisCycle()) {
            state = isSnoozedThisCycle() ? ReminderState.SNOOZED : ReminderState.OPEN;
        } else {
            state = ReminderState.RESOLVED;
        }
    }

    /** When the scheduler has something to fire: the cycle's due time, or the end of a snooze; null if nothing. */
    public Instant nextFireAt() {
        if (!isConditionHolding() || isClosedThisCycle()) {
            return null;
        }
        if (!hasFiredThisCycle()) {
            return condition == null ? null : dueAt;
        }
        return isSnoozedThisCycle() ? snoozedUntil : null;
    }

    /**
     * Whether subscribers still have to hear that it resolved: it fired, nothing closed that firing since, and
     * now it is resolved (its condition cleared, or a new cycle began).
     */
    public boolean owesResolution() {
        return firedAt != null && state == ReminderState.RESOLVED
                && (resolutionAnnouncedAt == null || resolutionAnnouncedAt.isBefore(firedAt))
                && (closedAt == null || closedAt.isBefore(firedAt));
    }

    /** The moment the words should describe: when it fired in this cycle, else when it will be due. */
    public Instant textAsOf() {
        return hasFiredThisCycle() ? firedAt : dueAt;
    }

    // ---- what happens to it -------------------------------------------------------------------------------

    /**
     * Fires it: ReminderDue, and on the first firing of a DEADLINE_APPROACHING cycle also DeadlineApproaching.
     * A snoozed reminder fires again with ReminderDue only.
     */
    public void fire(EventFactory events) {
        boolean newCycle = !hasFiredThisCycle();
        Instant due = newCycle ? dueAt : snoozedUntil;
        PendingEvent fired = emit(events, new ReminderDue(id, kind, letterId, mentorId, due, title, message,
                escalateToAdvisor));
        if (newCycle && kind == ReminderKind.DEADLINE_APPROACHING && daysBefore != null && deadline != null) {
            emit(events, new DeadlineApproaching(id, letterId, mentorId, deadline, daysBefore));
        }
        firedAt = Instants.stored(fired.time());
        refreshState();
    }

    /** Publishes that its condition cleared. */
    public void announceResolution(EventFactory events) {
        PendingEvent resolved = emit(events, new ReminderResolved(id, kind, ReminderResolution.CONDITION_CLEARED));
        resolutionAnnouncedAt = Instants.stored(resolved.time());
    }

    /** The student marked it done or dismissed it. */
    public void close(ReminderResolution resolution, EventFactory events) {
        if (!state.isActionable()) {
            throw new IllegalStateException("Cannot close a reminder in state " + state);
        }
        PendingEvent closed = emit(events, new ReminderResolved(id, kind, resolution));
        closedAt = Instants.stored(closed.time());
        closedAs = resolution;
        refreshState();
    }

    /** The student put it off until {@code until}: it fires again then. Published, so a rebuild keeps it. */
    public void snooze(Instant until, EventFactory events) {
        if (!state.isActionable()) {
            throw new IllegalStateException("Cannot snooze a reminder in state " + state);
        }
        PendingEvent snoozed = emit(events, new ReminderSnoozed(id, kind, until));
        snoozedAt = Instants.stored(snoozed.time());
        snoozedUntil = Instants.stored(until);
        refreshState();
    }

    /**
     * Records one of its own events read back from {@code vouch.reminders}: in a rebuild these say what was
     * already announced and what the student did, so nothing is announced twice. Live, they change nothing.
     */
    public void remember(ReminderEvent event, Instant at) {
        Instant time = Instants.stored(at);
        if (event instanceof ReminderDue) {
            firedAt = firedAt == null || time.isAfter(firedAt) ? time : firedAt;
        } else if (event instanceof ReminderSnoozed snoozed) {
            if (snoozedAt == null || time.isAfter(snoozedAt)) {
                snoozedAt = time;
                snoozedUntil = Instants.stored(snoozed.until());
            }
        } else if (event instanceof ReminderResolved resolved) {
            if (resolved.resolution() == ReminderResolution.CONDITION_CLEARED) {
                resolutionAnnouncedAt = resolutionAnnouncedAt == null || time.isAfter(resolutionAnnouncedAt)
                        ? time : resolutionAnnouncedAt;
            } else if (closedAt == null || time.isAfter(closedAt)) {
                closedAt = time;
                closedAs = resolved.resolution();
            }
        }
        // DeadlineApproaching adds nothing: the ReminderDue of the same firing carries it all.
        refreshState();
    }

    private PendingEvent emit(EventFactory events, VouchEvent event) {
        long sequence = loadedVersion() + newEvents.size() + 1;
        PendingEvent pending = events.pending(event, tenant, studentId, sequence);
        newEvents.add(pending);
        pendingEvents.add(pending);
        return pending;
    }

    // ---- persistence support ------------------------------------------------------------------------------

    /** The version it was loaded at; 0 for one not stored yet. */
    public long loadedVersion() {
        return version == null ? 0 : version;
    }

    public boolean isNew() {
        return version == null;
    }

    /** The version after writing this change: one more per event, at least one more. */
    public long nextVersion() {
        return loadedVersion() + Math.max(1, newEvents.size());
    }

    public List<PendingEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    /** Called by the store once written. */
    public void written(long newVersion) {
        version = newVersion;
        newEvents = new ArrayList<>();
    }

    /** A copy as loaded: for change detection and for in-memory stores. */
    public Reminder copy() {
        Reminder copy = new Reminder();
        copy.id = id;
        copy.tenant = tenant;
        copy.studentId = studentId;
        copy.kind = kind;
        copy.letterId = letterId;
        copy.mentorId = mentorId;
        copy.daysBefore = daysBefore;
        copy.variant = variant;
        copy.escalateToAdvisor = escalateToAdvisor;
        copy.condition = condition;
        copy.dueAt = dueAt;
        copy.deadline = deadline;
        copy.firedAt = firedAt;
        copy.closedAt = closedAt;
        copy.closedAs = closedAs;
        copy.snoozedAt = snoozedAt;
        copy.snoozedUntil = snoozedUntil;
        copy.resolutionAnnouncedAt = resolutionAnnouncedAt;
        copy.state = state;
        copy.title = title;
        copy.message = message;
        copy.version = version;
        copy.pendingEvents = new ArrayList<>(pendingEvents);
        copy.newEvents = new ArrayList<>(newEvents);
        return copy;
    }

    /** Same stored state, pending events and version aside. */
    public boolean sameStateAs(Reminder other) {
        return other != null && Objects.equals(id, other.id) && Objects.equals(tenant, other.tenant)
                && Objects.equals(studentId, other.studentId) && kind == other.kind
                && Objects.equals(letterId, other.letterId) && Objects.equals(mentorId, other.mentorId)
                && Objects.equals(daysBefore, other.daysBefore) && Objects.equals(variant, other.variant)
                && escalateToAdvisor == other.escalateToAdvisor && condition == other.condition
                && Objects.equals(dueAt, other.dueAt) && Objects.equals(deadline, other.deadline)
                && Objects.equals(firedAt, other.firedAt) && Objects.equals(closedAt, other.closedAt)
                && closedAs == other.closedAs && Objects.equals(snoozedAt, other.snoozedAt)
                && Objects.equals(snoozedUntil, other.snoozedUntil)
                && Objects.equals(resolutionAnnouncedAt, other.resolutionAnnouncedAt) && state == other.state
                && Objects.equals(title, other.title) && Objects.equals(message, other.message);
    }

    // ---- accessors ----------------------------------------------------------------------------------------

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getTenant() {
        return tenant;
    }

    @Override
    public String getStudentId() {
        return studentId;
    }

    @Override
    public List<PendingEvent> getPendingEvents() {
        return pendingEvents;
    }

    public ReminderKind getKind() {
        return kind;
    }

    public String getLetterId() {
        return letterId;
    }

    public String getMentorId() {
        return mentorId;
    }

    public Integer getDaysBefore() {
        return daysBefore;
    }

    public String getVariant() {
        return variant;
    }

    public boolean isEscalateToAdvisor() {
        return escalateToAdvisor;
    }

    public Condition getCondition() {
        return condition;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Instant getFiredAt() {
        return firedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public ReminderResolution getClosedAs() {
        return closedAs;
    }

    public Instant getSnoozedAt() {
        return snoozedAt;
    }

    public Instant getSnoozedUntil() {
        return snoozedUntil;
    }

    public Instant getResolutionAnnouncedAt() {
        return resolutionAnnouncedAt;
    }

    public ReminderState getState() {
        return state;
    }

    public String getTitle() {
        return title;
    }

    public String getMessage() {
        return message;
    }

    public Long getVersion() {
        return version;
    }

    /** The subject the reminder belongs to: {@code letter:<id>} or {@code mentor:<id>}. */
    public String subject() {
        return kind == ReminderKind.STAY_IN_TOUCH ? ReminderIds.mentorSubject(mentorId) : ReminderIds.letterSubject(letterId);
    }

    @Override
    public String toString() {
        return id + "[" + state + ", due " + dueAt + ", fired " + firedAt + ", v" + version + "]";
    }
}
