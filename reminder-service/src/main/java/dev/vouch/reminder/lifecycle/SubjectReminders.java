package dev.vouch.reminder.lifecycle;

import dev.vouch.events.ReminderEvent;
import dev.vouch.events.ReminderKind;
import dev.vouch.reminder.rules.Condition;
import dev.vouch.reminder.rules.ReminderText;
import dev.vouch.reminder.rules.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the reminders of one subject (a letter, or a mentor) in line with the rules' verdicts: the one place
 * that decides what fires, what resolves and what is announced. Used alike by the stream consumer (which
 * never fires) and the scheduler (which fires what is due). Pure: no clock, no store.
 */
public final class SubjectReminders {

    private SubjectReminders() {
    }

    /** Renders a verdict's words as of a moment. */
    @FunctionalInterface
    public interface Wording {
        ReminderText.Text render(Verdict verdict, Instant asOf);
    }

    /**
     * @param now      the time of the decision
     * @param fire     fire what is due (the scheduler); the consumer only judges
     * @param announce publish owed resolutions now; when false (catching up after a start or a rebuild) they
     *                 are left for the scheduler, which runs once the service has caught up with its own topic
     */
    public record Context(Instant now, boolean fire, boolean announce) {
    }

    /**
     * @param nextFireAt when the subject next needs the scheduler (null: nothing pending)
     * @param fired      which kinds fired
     * @param changes    by reminder id, the new facts and their events of every reminder that changed (a
     *                   reminder fired for the first time among them)
     */
    public record Result(Instant nextFireAt, List<ReminderKind> fired, Map<String, ReminderFacts.Step> changes) {
    }

    /**
     * @param verdicts the rules' verdicts on every reminder of the subject; null while the subject itself is
     *                 not known yet (its reminders are then left as they are, and nothing fires)
     * @param stored   the subject's stored reminders, by id
     */
    public static Result reconcile(List<Verdict> verdicts, Map<String, ReminderFacts> stored, Wording wording,
                                   Context context) {
        Map<String, Verdict> byId = new LinkedHashMap<>();
        if (verdicts != null) {
            verdicts.forEach(verdict -> byId.put(verdict.reminderId(), verdict));
        }
        Set<String> ids = new LinkedHashSet<>(byId.keySet());
        ids.addAll(stored.keySet());
        Instant now = context.now();
        Instant next = null;
        List<ReminderKind> fired = new ArrayList<>();
        Map<String, ReminderFacts.Step> changes = new LinkedHashMap<>();
        for (String id : ids) {
            Verdict verdict = byId.get(id);
            ReminderFacts before = stored.get(id);
            if (before == null && (verdict == null || !verdict.isActive() || !(context.fire() && verdict.isDueBy(now)))) {
                // Not stored and not firing now: nothing to store, only a time to come back.
                next = verdict != null && verdict.isActive() ? earliest(next, verdict.dueAt()) : next;
                continue;
            }
            ReminderFacts facts = before != null ? before : ReminderFacts.of(verdict);
            List<ReminderEvent> events = new ArrayList<>();
            if (verdicts != null) {
                // A reminder the rules no longer produce (a threshold removed from the configuration) has lapsed.
                facts = facts.judged(verdict != null ? verdict : lapsed(facts));
                if (verdict != null) {
                    facts = facts.retitled(wording.render(verdict, facts.textAsOf() != null ? facts.textAsOf() : now));
                }
                Instant fireAt = facts.nextFireAt();
                if (context.fire() && fireAt != null && !fireAt.isAfter(now)) {
                    if (verdict != null) {
                        facts = facts.retitled(wording.render(verdict, now));
                    }
                    ReminderFacts.Step step = facts.fire(now);
                    facts = step.facts();
                    events.addAll(step.events());
                    fired.add(facts.kind());
                }
            }
            if (facts.owesResolution()) {
                if (context.announce()) {
                    ReminderFacts.Step step = facts.announceResolution(now);
                    facts = step.facts();
                    events.addAll(step.events());
                } else {
                    next = earliest(next, now);
                }
            }
            next = earliest(next, facts.nextFireAt());
            if (!facts.equals(before) || !events.isEmpty()) {
                changes.put(id, new ReminderFacts.Step(facts, events));
            }
        }
        return new Result(next, fired, changes);
    }

    private static Verdict lapsed(ReminderFacts facts) {
        return new Verdict(facts.id(), facts.kind(), Condition.NOT_APPLICABLE, facts.dueAt(), facts.letterId(),
                facts.mentorId(), facts.deadline(), facts.daysBefore(), facts.variant(), facts.escalateToAdvisor());
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
