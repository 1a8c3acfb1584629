package dev.vouch.reminder.rules;

import dev.vouch.reminder.ReminderDefaults;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.Material;
import dev.vouch.reminder.projection.Letter;
import dev.vouch.reminder.projection.Mentor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentor;
import static dev.vouch.reminder.Facts.requestedLetter;
import static dev.vouch.reminder.Facts.stamp;
import static org.assertj.core.api.Assertions.assertThat;

class ReminderTextTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    final ReminderRules rules = new ReminderRules(ReminderDefaults.policy());
    final ReminderText text = new ReminderText(ReminderDefaults.policy());
    final Mentor rivera = mentor("M1", "Dr. Rivera", 90, T0.minus(days(30)));

    @Test
    void anUnconfirmedLetterNamesTheMentorThePurposeAndTheDaysLeft() {
        Letter letter = requestedLetter("L1", "M1", T0, 30, BOTH);
        Verdict sevenDays = verdict(letter, rivera, "DEADLINE_APPROACHING:L1:7");

        ReminderText.Text words = text.render(sevenDays, letter, rivera, sevenDays.dueAt());

        assertThat(words.message()).isEqualTo("Dr. Rivera has not confirmed your residency letter due in 7 days: send a polite follow-up");
        assertThat(words.title()).isEqualTo("Residency letter due in 7 days");
    }

    @Test
    void anAcceptedLetterAsksForACheckIn() {
        Letter letter = requestedLetter("L1", "M1", T0, 30, BOTH).apply(new LetterAccepted("L1", "M1"), stamp(T0, 2));
        Verdict oneDay = verdict(letter, rivera, "DEADLINE_APPROACHING:L1:1");

        assertThat(text.render(oneDay, letter, rivera, oneDay.dueAt()).message())
                .isEqualTo("Dr. Rivera agreed to write your residency letter due in 1 day: a short, friendly check-in helps it arrive on time.");
    }

    @Test
    void untilTheMentorArrivesTheyAreYourMentor() {
        Letter letter = requestedLetter("L1", "M1", T0, 5, BOTH);
        Verdict threshold = verdict(letter, null, "DEADLINE_APPROACHING:L1:7");

        assertThat(text.render(threshold, letter, null, T0).message())
                .isEqualTo("Your mentor has not confirmed your residency letter due in 5 days: send a polite follow-up");
    }

    @Test
    void everyKindHasWords() {
        Letter letter = requestedLetter("L1", "M1", T0, 20, Set.of(Material.TRANSCRIPT));
        List<Verdict> verdicts = rules.forLetter(letter, rivera);
        verdicts.addAll(rules.forMentor(rivera));
        for (Verdict verdict : verdicts) {
            ReminderText.Text words = text.render(verdict, letter, rivera, T0.plus(days(3)));
            assertThat(words.title()).as(verdict.reminderId()).isNotBlank();
            assertThat(words.message()).as(verdict.reminderId()).isNotBlank();
        }
        assertThat(text.render(verdict(letter, rivera, "MISSING_MATERIALS:L1"), letter, rivera, T0.plus(days(2))).title())
                .isEqualTo("Send Dr. Rivera your personal statement and CV");
        assertThat(text.render(verdict(letter, rivera, "OVERDUE:L1"), letter, rivera, T0.plus(days(22))).message())
                .startsWith("Your residency letter from Dr. Rivera was due 2 days ago");
    }

    @Test
    void oneMissingMaterialIsSharedAsIt() {
        Letter letter = requestedLetter("L2", "M1", T0, 20, Set.of(Material.CV));
        ReminderText.Text words = text.render(verdict(letter, rivera, "MISSING_MATERIALS:L2"), letter, rivera, T0.plus(days(2)));
        assertThat(words.title()).isEqualTo("Send Dr. Rivera your personal statement");
        assertThat(words.message()).endsWith(": share it so they can start writing.");
    }

    private Verdict verdict(Letter letter, Mentor mentor, String id) {
        return rules.forLetter(letter, mentor).stream().filter(v -> v.reminderId().equals(id)).findFirst().orElseThrow();
    }
}
