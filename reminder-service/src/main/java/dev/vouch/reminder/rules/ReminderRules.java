package dev.vouch.reminder.rules;

import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import dev.vouch.reminder.projection.Target;

import java.util.ArrayList;
import java.util.List;

/** The whole rule table: every rule, evaluated per subject (a letter with its mentor, a mentor, or a target). */
public final class ReminderRules {

    private final ReminderPolicy policy;
    private final List<LetterRule> letterRules;
    private final StayInTouchRule stayInTouch;
    private final CoverageGapRule coverage;

    public ReminderRules(ReminderPolicy policy) {
        this.policy = policy;
        this.letterRules = List.of(new AskEarlyRule(policy), new NoResponseRule(policy),
                new MissingMaterialsRule(policy), new DeadlineApproachingRule(policy), new OverdueRule(),
                new ThankYouRule(policy));
        this.stayInTouch = new StayInTouchRule(policy);
        this.coverage = new CoverageGapRule(policy);
    }

    public ReminderPolicy policy() {
        return policy;
    }

    /** Every reminder id a subject ({@code letter:<id>}, {@code mentor:<id>} or {@code target:<id>}) can have. */
    public List<String> reminderIds(String subject) {
        String id = ReminderIds.subjectId(subject);
        if (ReminderIds.isMentorSubject(subject)) {
            return List.of(stayInTouch.reminderId(id));
        }
        if (ReminderIds.isTargetSubject(subject)) {
            return coverage.reminderIds(id);
        }
        List<String> ids = new ArrayList<>();
        letterRules.forEach(rule -> ids.addAll(rule.reminderIds(id)));
        return ids;
    }

    /** Verdicts on every reminder of the letter; null while the letter itself is not known yet. */
    public List<Verdict> forLetter(Letter letter, Mentor mentor) {
        if (letter == null || !letter.isKnown()) {
            return null;
        }
        List<Verdict> verdicts = new ArrayList<>();
        letterRules.forEach(rule -> verdicts.addAll(rule.evaluate(letter, mentor)));
        return verdicts;
    }

    /** Verdicts on the target's coverage reminders; null while the target is not known. */
    public List<Verdict> forTarget(Target target) {
        return coverage.evaluate(target);
    }

    /** Verdicts on the mentor's reminders; null while only a placeholder of the mentor is known. */
    public List<Verdict> forMentor(Mentor mentor) {
        if (mentor == null) {
            return null;
        }
        Verdict verdict = stayInTouch.evaluate(mentor);
        return verdict == null ? null : List.of(verdict);
    }
}
