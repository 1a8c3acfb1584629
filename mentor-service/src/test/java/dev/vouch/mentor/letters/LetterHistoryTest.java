package dev.vouch.mentor.letters;

import dev.vouch.events.LetterStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LetterHistoryTest {

    static LetterState letter(LetterStatus status, Boolean asked) {
        return new LetterState("l-" + status, status, asked, 1L);
    }

    @Test
    void countsLettersAskedInProgressAcceptedDeclinedAndSubmitted() {
        LetterHistory history = LetterHistory.of(List.of(
                letter(LetterStatus.PLANNED, null),
                letter(LetterStatus.REQUESTED, true),
                letter(LetterStatus.ACCEPTED, true),
                letter(LetterStatus.DECLINED, true),
                letter(LetterStatus.SUBMITTED, true),
                letter(LetterStatus.CANCELLED, true),
                letter(LetterStatus.CANCELLED, null)));

        assertThat(history).isEqualTo(new LetterHistory(5, 2, 2, 1, 1));
    }

    @Test
    void noLettersCountsNothing() {
        assertThat(LetterHistory.of(List.of())).isEqualTo(LetterHistory.NONE);
    }

    @Test
    void letterIdsBecomeSafeFieldNames() {
        assertThat(MentorLetters.field("c9f0f895-fb98-4b91-8a6e-7d3c2b1a0f52")).isEqualTo("c9f0f895-fb98-4b91-8a6e-7d3c2b1a0f52");
        assertThat(MentorLetters.field("$where.x")).doesNotContain(".").doesNotStartWith("$");
    }
}
