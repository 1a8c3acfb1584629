package dev.vouch.reminder.rules;

import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;

import java.util.List;

/** One row of the rule table, for letters: a pure function of what is known about the letter and its mentor. */
public interface LetterRule {

    /** Every reminder id this rule can raise for the letter. */
    List<String> reminderIds(String letterId);

    /**
     * A verdict for each of {@link #reminderIds}.
     *
     * @param letter a letter known from its LetterRequested
     * @param mentor its mentor; null or a placeholder while the mentor's events have not arrived
     */
    List<Verdict> evaluate(Letter letter, Mentor mentor);
}
