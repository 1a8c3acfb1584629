package dev.vouch.mentor.writer;

import dev.vouch.events.LetterStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WriterLoadTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static WriterLoad.OpenLetter letter(String student, LetterStatus status, int daysLeft) {
        return new WriterLoad.OpenLetter(student, status, NOW.plus(Duration.ofDays(daysLeft)));
    }

    @Test
    void countsOnlyOpenLettersByHowSoonTheyAreDue() {
        WriterLoad load = WriterLoad.of("w", "Dr. Lee", null, List.of("m1", "m2"), List.of(
                letter("s1", LetterStatus.REQUESTED, 3),
                letter("s1", LetterStatus.ACCEPTED, -1),
                letter("s2", LetterStatus.ACCEPTED, 10),
                letter("s2", LetterStatus.REQUESTED, 30),
                letter("s3", LetterStatus.SUBMITTED, 2),
                letter("s3", LetterStatus.DECLINED, 2),
                letter("s3", LetterStatus.PLANNED, 2)), 5, NOW);

        assertThat(load.openLetters()).isEqualTo(4);
        assertThat(load.students()).isEqualTo(2);
        assertThat(load.dueWithin7Days()).as("overdue included").isEqualTo(2);
        assertThat(load.dueWithin14Days()).isEqualTo(3);
        assertThat(load.accepted()).isEqualTo(2);
        assertThat(load.notAnswered()).isEqualTo(2);
        assertThat(load.earliestDeadline()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(load.load()).isEqualTo(LoadLevel.MODERATE);
    }

    @Test
    void loadLevelsAtTheThreshold() {
        assertThat(LoadLevel.of(5, 5, 5)).isEqualTo(LoadLevel.HIGH);
        assertThat(LoadLevel.of(9, 4, 5)).isEqualTo(LoadLevel.MODERATE);
        assertThat(LoadLevel.of(5, 0, 5)).isEqualTo(LoadLevel.MODERATE);
        assertThat(LoadLevel.of(3, 3, 5)).isEqualTo(LoadLevel.MODERATE);
        assertThat(LoadLevel.of(4, 2, 5)).isEqualTo(LoadLevel.LOW);
        assertThat(LoadLevel.of(2, 2, 2)).isEqualTo(LoadLevel.HIGH);
    }

    @Test
    void aLetterDueExactlyFourteenDaysOutIsNotWithinFourteenDays() {
        WriterLoad load = WriterLoad.of("w", "n", null, List.of(), List.of(letter("s", LetterStatus.REQUESTED, 14)), 5, NOW);
        assertThat(load.dueWithin14Days()).isZero();
    }

    @Test
    void theRiskiestWriterComesFirst() {
        List<WriterLoad> loads = new ArrayList<>(List.of(
                WriterLoad.of("a", "calm", null, List.of(), List.of(letter("s", LetterStatus.REQUESTED, 40)), 5, NOW),
                WriterLoad.of("b", "soon", null, List.of(), List.of(letter("s", LetterStatus.REQUESTED, 3)), 5, NOW),
                WriterLoad.of("c", "busy", null, List.of(), List.of(
                        letter("s", LetterStatus.REQUESTED, 9), letter("t", LetterStatus.REQUESTED, 9),
                        letter("u", LetterStatus.REQUESTED, 9), letter("v", LetterStatus.REQUESTED, 9),
                        letter("w", LetterStatus.REQUESTED, 9)), 5, NOW)));
        loads.sort(WriterLoad.BY_RISK);
        assertThat(loads).extracting(WriterLoad::name).containsExactly("busy", "soon", "calm");
    }

    @Test
    void theSamePersonIsOneWriterByEmailWithinATenantAndNeverAcrossTenants() {
        assertThat(WriterIdentity.writerId("t1", "lee@x.edu", "m1", null))
                .isEqualTo(WriterIdentity.writerId("t1", "lee@x.edu", "m2", null))
                .isNotEqualTo(WriterIdentity.writerId("t2", "lee@x.edu", "m1", null))
                .doesNotContain("lee");
        assertThat(WriterIdentity.writerId("t1", null, "m1", null))
                .isNotEqualTo(WriterIdentity.writerId("t1", null, "m2", null));
        assertThat(WriterIdentity.writerId("t1", null, "m2", "w-linked")).isEqualTo("w-linked");
        assertThat(dev.vouch.mentor.mentor.Mentor.writerKey(new dev.vouch.mentor.mentor.MentorDetails("Lee",
                " Lee@X.edu ", null, null, null, null, null, null, null, null))).isEqualTo("lee@x.edu");
    }
}
