package dev.vouch.reminder.rules;

import dev.vouch.events.ReminderKind;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * THANK_YOU: the letter was submitted and no THANK_YOU contact with its writer followed within
 * {@code thankYouAfter} (3 days). Cleared by a THANK_YOU contact with that mentor on or after the day of
 * submission (a note sent the same morning counts), or by the mentor being archived.
 */
public final class ThankYouRule implements LetterRule {

    private final ReminderPolicy policy;

    public ThankYouRule(ReminderPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<String> reminderIds(String letterId) {
        return List.of(ReminderIds.of(ReminderKind.THANK_YOU, letterId));
    }

    @Override
    public List<Verdict> evaluate(Letter letter, Mentor mentor) {
        String id = ReminderIds.of(ReminderKind.THANK_YOU, letter.id());
        if (!letter.isSubmitted() || letter.submittedAt() == null) {
            return List.of(new Verdict(id, ReminderKind.THANK_YOU, Condition.NOT_APPLICABLE, null, letter.id(),
                    letter.mentorId(), letter.deadline(), null, null, false));
        }
        boolean archived = mentor != null && !mentor.isActive();
        Condition condition = thanked(letter, mentor) || archived ? Condition.CLEARED : Condition.ACTIVE;
        return List.of(new Verdict(id, ReminderKind.THANK_YOU, condition,
                letter.submittedAt().plus(policy.thankYouAfter()), letter.id(), letter.mentorId(), letter.deadline(),
                null, null, false));
    }

    static boolean thanked(Letter letter, Mentor mentor) {
        if (mentor == null || mentor.lastThankYouAt() == null) {
            return false;
        }
        Instant dayOfSubmission = letter.submittedAt().truncatedTo(ChronoUnit.DAYS);
        return !mentor.lastThankYouAt().isBefore(dayOfSubmission);
    }
}
