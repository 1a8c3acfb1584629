package dev.vouch.reminder.rules;

import dev.vouch.events.ReminderKind;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;

import java.util.List;

/**
 * OVERDUE: the deadline passed and the letter is not submitted. Escalates to the student's advisor
 * ({@code escalateToAdvisor} on ReminderDue). Cleared by submit, decline or cancel.
 */
public final class OverdueRule implements LetterRule {

    @Override
    public List<String> reminderIds(String letterId) {
        return List.of(ReminderIds.of(ReminderKind.OVERDUE, letterId));
    }

    @Override
    public List<Verdict> evaluate(Letter letter, Mentor mentor) {
        String id = ReminderIds.of(ReminderKind.OVERDUE, letter.id());
        Condition condition = letter.deadline() == null ? Condition.NOT_APPLICABLE
                : letter.isOpen() ? Condition.ACTIVE : Condition.CLEARED;
        return List.of(new Verdict(id, ReminderKind.OVERDUE, condition, letter.deadline(), letter.id(),
                letter.mentorId(), letter.deadline(), null, null, true));
    }
}
