package dev.vouch.reminder.rules;

import dev.vouch.events.ReminderKind;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;

import java.time.Instant;
import java.util.List;

/**
 * ASK_EARLY, two cases with their own ids:
 * <ul>
 *   <li>{@code planned}: a planned letter not yet asked for {@code askEarlyPlanLead} (6 weeks) before its
 *       deadline. Cleared by the request being made, or the letter ending.</li>
 *   <li>{@code short-notice}: a letter that request-service published as asked on short notice
 *       ({@code LetterRequested.shortNotice}: less than 30 days to go) is flagged at once. Cleared when the letter is submitted, declined or cancelled.</li>
 * </ul>
 */
public final class AskEarlyRule implements LetterRule {

    private final ReminderPolicy policy;

    public AskEarlyRule(ReminderPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<String> reminderIds(String letterId) {
        return List.of(plannedId(letterId), shortNoticeId(letterId));
    }

    @Override
    public List<Verdict> evaluate(Letter letter, Mentor mentor) {
        return List.of(planned(letter), shortNotice(letter));
    }

    private Verdict planned(Letter letter) {
        String id = plannedId(letter.id());
        if (letter.plannedAt() == null || letter.deadline() == null) {
            return verdict(id, letter, Condition.NOT_APPLICABLE, null, ReminderIds.PLANNED);
        }
        Instant due = letter.deadline().minus(policy.askEarlyPlanLead());
        Condition condition = letter.isRequested() || !letter.isOpen() ? Condition.CLEARED : Condition.ACTIVE;
        return verdict(id, letter, condition, due, ReminderIds.PLANNED);
    }

    private Verdict shortNotice(Letter letter) {
        String id = shortNoticeId(letter.id());
        if (!letter.isRequested() || letter.deadline() == null || !letter.shortNotice()) {
            return verdict(id, letter, Condition.NOT_APPLICABLE, null, ReminderIds.SHORT_NOTICE);
        }
        Condition condition = letter.isOpen() ? Condition.ACTIVE : Condition.CLEARED;
        return verdict(id, letter, condition, letter.requestedAt(), ReminderIds.SHORT_NOTICE);
    }

    private static Verdict verdict(String id, Letter letter, Condition condition, Instant due, String variant) {
        return new Verdict(id, ReminderKind.ASK_EARLY, condition, due, letter.id(), letter.mentorId(),
                letter.deadline(), null, variant, false);
    }

    static String plannedId(String letterId) {
        return ReminderIds.of(ReminderKind.ASK_EARLY, letterId, ReminderIds.PLANNED);
    }

    static String shortNoticeId(String letterId) {
        return ReminderIds.of(ReminderKind.ASK_EARLY, letterId, ReminderIds.SHORT_NOTICE);
    }
}
