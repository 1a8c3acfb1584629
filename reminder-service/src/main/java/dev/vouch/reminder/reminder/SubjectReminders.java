package dev.vouch.reminder.reminder;

import dev.vouch.events.ReminderKind;
import dev.vouch.kit.outbox.EventFactory;
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
 * Brings the stored reminders of one subject (a letter, or a mentor) in line with the rules' verdicts: the one
 * place that decides what fires, what resolves and what is announced. Used alike by the stream consumer
 * (which never fires) and the scheduler (which fires what is due). Pure: no clock, no store.
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
    public record Context(Instant now, boolean fire, boolean announce, EventFactory events) {
    }

    /** When the subject next needs the scheduler (null: nothing pending), and which kinds fired. */
    public record Result(Instant nextFireAt, List<ReminderKind> fired) {
    }

    /**
     * Updates {@code docs} (the subject's stored reminders, by id) in place; reminders fired for the first time
     * are added to it.
     *
     * @param verdicts the rules' verdicts on every reminder of the subject; null while the subject itself is
     *                 not known yet (its reminders are then left as they are, and nothing fires)
     * @param tenant   owner of the subject, for reminders created here
     */
    public static Result reconcile(String tenant, String studentId, List<Verdict> verdicts, Map<String, Reminder> docs,
                                   Wording wording, Context context) {
        Map<String, Verdict> byId = new LinkedHashMap<>();
        if (verdicts != null) {
            verdicts.forEach(verdict -> byId.put(verdict.reminderId(), verdict));
        }
        Set<String> ids = new LinkedHashSet<>(byId.keySet());
        ids.addAll(docs.keySet());
        Instant next = null;
        List<ReminderKind> fired = new ArrayList<>();
        Instant now = context.now();
        for (String id : ids) {
            Verdict verdict = byId.get(id);
            Reminder doc = docs.get(id);
            if (doc == null) {
                if (verdict == null || !verdict.isActive()) {
                    continue;
                }
                if (context.fire() && verdict.isDueBy(now) && tenant != null) {
                    doc = Reminder.of(verdict, tenant, studentId);
                    doc.retitle(wording.render(verdict, now));
                    doc.fire(context.events());
                    fired.add(doc.getKind());
                    docs.put(id, doc);
                    next = earliest(next, doc.nextFireAt());
                } else {
                    next = earliest(next, verdict.dueAt());
                }
                continue;
            }
            if (verdicts != null) {
                // A reminder the rules no longer produce (a threshold removed from the configuration) has lapsed.
                Verdict judged = verdict != null ? verdict : lapsed(doc);
                doc.judge(judged);
                if (verdict != null) {
                    doc.retitle(wording.render(verdict, doc.textAsOf() != null ? doc.textAsOf() : now));
                }
                Instant fireAt = doc.nextFireAt();
                if (context.fire() && fireAt != null && !fireAt.isAfter(now)) {
                    if (verdict != null) {
                        doc.retitle(wording.render(verdict, now));
                    }
                    doc.fire(context.events());
                    fired.add(doc.getKind());
                }
            }
            if (doc.owesResolution()) {
                if (context.announce()) {
                    doc.announceResolution(context.events());
                } else {
                    next = earliest(next, now);
                }
            }
            next = earliest(next, doc.nextFireAt());
        }
        return new Result(next, fired);
    }

    private static Verdict lapsed(Reminder doc) {
        return new Verdict(doc.getId(), doc.getKind(), Condition.NOT_APPLICABLE, doc.getDueAt(), doc.getLetterId(),
                doc.getMentorId(), doc.getDeadline(), doc.getDaysBefore(), doc.getVariant(), doc.isEscalateToAdvisor());
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
