package dev.vouch.reminder.rules;

import dev.vouch.events.LetterStatus;
import dev.vouch.events.ReminderKind;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;

import java.util.List;

/**
 * NO_RESPONSE: asked for, and the writer has neither accepted nor declined {@code noResponseAfter} (14 days)
 * later. Cleared by accept, decline, submit or cancel.
 */
public final class NoResponseRule implements LetterRule {

    private final ReminderPolicy policy;

    public NoResponseRule(ReminderPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<String> reminderIds(String letterId) {
        return List.of(ReminderIds.of(ReminderKind.NO_RESPONSE, letterId));
    }

    @Override
    public List<Verdict> evaluate(Letter letter, Mentor mentor) {
        String id = ReminderIds.of(ReminderKind.NO_RESPONSE, letter.id());
        if (!letter.isRequested()) {
            return List.of(new Verdict(id, ReminderKind.NO_RESPONSE, Condition.NOT_APPLICABLE, null, letter.id(),
                    letter.mentorId(), letter.deadline(), null, null, false));
        }
        Condition condition = letter.status() == LetterStatus.REQUESTED ? Condition.ACTIVE : Condition.CLEARED;
        return List.of(new Verdict(id, ReminderKind.NO_RESPONSE, condition,
                letter.requestedAt().plus(policy.noResponseAfter()), letter.id(), letter.mentorId(), letter.deadline(),
                null, null, false));
    }
}
