package dev.vouch.reminder.lifecycle;

import dev.vouch.kit.time.MillisecondClock;
import dev.vouch.events.DeadlineApproaching;
import dev.vouch.events.ReminderDue;
import dev.vouch.events.ReminderEvent;
import dev.vouch.events.ReminderKind;
import dev.vouch.events.ReminderResolution;
import dev.vouch.events.ReminderResolved;
import dev.vouch.events.ReminderSnoozed;
import dev.vouch.reminder.rules.Condition;
import dev.vouch.reminder.rules.ReminderIds;
import dev.vouch.reminder.rules.ReminderText;
import dev.vouch.reminder.rules.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What is known about one reminder that has fired at least once: the rules' latest verdict and what
 * subscribers and the student have been told. Immutable; its state follows from it by
 * {@link ReminderCycle#stateOf}.
 *
 * <p>Each fact is recorded once and never moved backwards, so the same facts in any order give the same state:
 * that is what lets a rebuild from the topics arrive at the state of the live run.
 *
 * @param condition             the rules' latest word; null until a rule has judged it (a firing replayed from
 *                              the topic before the facts it follows from)
 * @param dueAt                 when the current cycle is due; identifies the cycle
 * @param firedAt               the last time it fired (ReminderDue's event time)
 * @param closedAt              the student marked it done or dismissed it ({@code closedAs}); covers every cycle due by then
 * @param snoozedAt             the student put it off until {@code snoozedUntil}
 * @param resolutionAnnouncedAt ReminderResolved(CONDITION_CLEARED) was published for the last firing
 */
public record ReminderFacts(
        String id,
        ReminderKind kind,
        String letterId,
        String mentorId,
        Integer daysBefore,
        String variant,
        boolean escalateToAdvisor,
        Condition condition,
        Instant dueAt,
        Instant deadline,
        Instant firedAt,
        Instant closedAt,
        ReminderResolution closedAs,
        Instant snoozedAt,
        Instant snoozedUntil,
        Instant resolutionAnnouncedAt,
        String title,
        String message) {

    /** New facts and the events that announce the change, in order. */
    public record Step(ReminderFacts facts, List<ReminderEvent> events) {
    }

    /** A reminder the rules judged, about to fire for the first time. */
    public static ReminderFacts of(Verdict verdict) {
        return new ReminderFacts(verdict.reminderId(), verdict.kind(), null, null, null, null, false, null, null, null,
                null, null, null, null, null, null, null, null).judged(verdict);
    }

    /** A reminder known from its own ReminderDue on the topic, before (or without) the facts behind it. */
    public static ReminderFacts announced(ReminderDue due, Instant firedAt) {
        ReminderIds.Parsed parsed = ReminderIds.parse(due.reminderId());
        return new ReminderFacts(due.reminderId(), due.kind(), due.letterId(), due.mentorId(),
                parsed == null ? null : parsed.daysBefore(), parsed == null ? null : parsed.variant(),
                due.escalateToAdvisor(), null, MillisecondClock.cut(due.dueAt()), null, MillisecondClock.cut(firedAt), null, null,
                null, null, null, due.title(), due.message());
    }

    /** Takes the rules' latest verdict. An inactive verdict keeps the last cycle's due time. */
    public ReminderFacts judged(Verdict verdict) {
        Instant due = verdict.dueAt() != null && (verdict.isActive() || dueAt == null) ? verdict.dueAt() : dueAt;
        return new ReminderFacts(id, kind, or(verdict.letterId(), letterId), or(verdict.mentorId(), mentorId),
                or(verdict.daysBefore(), daysBefore), or(verdict.variant(), variant), verdict.escalateToAdvisor(),
                verdict.condition(), due, or(verdict.deadline(), deadline), firedAt, closedAt, closedAs, snoozedAt,
                snoozedUntil, resolutionAnnouncedAt, title, message);
    }

    public ReminderFacts retitled(ReminderText.Text text) {
        return new ReminderFacts(id, kind, letterId, mentorId, daysBefore, variant, escalateToAdvisor, condition, dueAt,
                deadline, firedAt, closedAt, closedAs, snoozedAt, snoozedUntil, resolutionAnnouncedAt, text.title(),
                text.message());
    }

    /**
     * Fires it at {@code now}: ReminderDue, and on the first firing of a DEADLINE_APPROACHING cycle also
     * DeadlineApproaching. A snoozed reminder fires again with ReminderDue only.
     */
    public Step fire(Instant now) {
        boolean newCycle = !ReminderCycle.hasFiredThisCycle(this);
        List<ReminderEvent> events = new ArrayList<>(2);
        events.add(new ReminderDue(id, kind, letterId, mentorId, newCycle ? dueAt : snoozedUntil, title, message,
                escalateToAdvisor));
        if (newCycle && kind == ReminderKind.DEADLINE_APPROACHING && daysBefore != null && deadline != null) {
            events.add(new DeadlineApproaching(id, letterId, mentorId, deadline, daysBefore));
        }
        return new Step(remembered(events.get(0), now), events);
    }

    /** Publishes that its condition cleared. */
    public Step announceResolution(Instant now) {
        ReminderResolved resolved = new ReminderResolved(id, kind, ReminderResolution.CONDITION_CLEARED);
        return new Step(remembered(resolved, now), List.of(resolved));
    }

    /** The student marked it done or dismissed it. */
    public Step close(ReminderResolution resolution, Instant now) {
        requireActionable("close");
        ReminderResolved closed = new ReminderResolved(id, kind, resolution);
        return new Step(remembered(closed, now), List.of(closed));
    }

    /** The student put it off until {@code until}: it fires again then. Published, so a rebuild keeps it. */
    public Step snooze(Instant until, Instant now) {
        requireActionable("snooze");
        ReminderSnoozed snoozed = new ReminderSnoozed(id, kind, until);
        return new Step(remembered(snoozed, now), List.of(snoozed));
    }

    /**
     * Takes one of its own events at its time: as it is published (its stamped time), or read back from
     * {@code vouch.reminders} in a rebuild, where these say what was already announced and what the student
     * did, so nothing is announced twice. A fact already known at a later time stays.
     */
    public ReminderFacts remembered(ReminderEvent event, Instant at) {
        Instant time = MillisecondClock.cut(at);
        Instant fired = firedAt;
        Instant closed = closedAt;
        ReminderResolution closedWith = closedAs;
        Instant snoozed = snoozedAt;
        Instant snoozedTill = snoozedUntil;
        Instant announced = resolutionAnnouncedAt;
        if (event instanceof ReminderDue) {
            fired = latest(firedAt, time);
        } else if (event instanceof ReminderSnoozed snooze && (snoozedAt == null || time.isAfter(snoozedAt))) {
            snoozed = time;
            snoozedTill = MillisecondClock.cut(snooze.until());
        } else if (event instanceof ReminderResolved resolved) {
            if (resolved.resolution() == ReminderResolution.CONDITION_CLEARED) {
                announced = latest(resolutionAnnouncedAt, time);
            } else if (closedAt == null || time.isAfter(closedAt)) {
                closed = time;
                closedWith = resolved.resolution();
            }
        }
        // DeadlineApproaching adds nothing: the ReminderDue of the same firing carries it all.
        return new ReminderFacts(id, kind, letterId, mentorId, daysBefore, variant, escalateToAdvisor, condition, dueAt,
                deadline, fired, closed, closedWith, snoozed, snoozedTill, announced, title, message);
    }

    public ReminderState state() {
        return ReminderCycle.stateOf(this);
    }

    /** When the scheduler has something to fire: the cycle's due time, or the end of a snooze; null if nothing. */
    public Instant nextFireAt() {
        return ReminderCycle.nextFireAt(this);
    }

    public boolean owesResolution() {
        return ReminderCycle.owesResolution(this);
    }

    /** The moment the words should describe: when it fired in this cycle, else when it will be due. */
    public Instant textAsOf() {
        return ReminderCycle.hasFiredThisCycle(this) ? firedAt : dueAt;
    }

    /** The subject the reminder belongs to: {@code letter:<id>}, {@code mentor:<id>} or {@code target:<id>}. */
    public String subject() {
        if (kind == ReminderKind.COVERAGE_GAP) {
            return ReminderIds.parse(id).subject();
        }
        return kind == ReminderKind.STAY_IN_TOUCH ? ReminderIds.mentorSubject(mentorId) : ReminderIds.letterSubject(letterId);
    }

    private void requireActionable(String what) {
        ReminderState state = state();
        if (!state.isActionable()) {
            throw new IllegalStateException("Cannot " + what + " a reminder in state " + state);
        }
    }

    private static <T> T or(T next, T current) {
        return next != null ? next : current;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
