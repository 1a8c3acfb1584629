package dev.vouch.mentor.letters;

import dev.vouch.events.LetterStatus;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterCancelled;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterDeclined;
import dev.vouch.events.LetterMaterialsShared;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.LetterSubmitted;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LetterProgressTest {

    static final Instant DEADLINE = Instant.parse("2027-01-15T17:00:00Z");

    static LetterRequested requested(boolean planned) {
        return new LetterRequested("l1", "m1", LetterPurpose.RESIDENCY, List.of(), DEADLINE, true, Set.of(), planned,
                false, planned ? null : Instant.parse("2026-12-01T14:05:00Z"));
    }

    @Test
    void eachStatusEventMapsToItsStatusAndSaysWhetherTheWriterWasAsked() {
        assertThat(LetterProgress.of(requested(true))).contains(new LetterProgress(LetterStatus.PLANNED, false));
        assertThat(LetterProgress.of(requested(false))).contains(new LetterProgress(LetterStatus.REQUESTED, true));
        assertThat(LetterProgress.of(new LetterAccepted("l1", "m1"))).contains(new LetterProgress(LetterStatus.ACCEPTED, true));
        assertThat(LetterProgress.of(new LetterDeclined("l1", "m1"))).contains(new LetterProgress(LetterStatus.DECLINED, true));
        assertThat(LetterProgress.of(new LetterSubmitted("l1", "m1"))).contains(new LetterProgress(LetterStatus.SUBMITTED, true));
        assertThat(LetterProgress.of(new LetterCancelled("l1", "m1"))).contains(new LetterProgress(LetterStatus.CANCELLED, false));
    }

    @Test
    void deadlineAndMaterialsChangesAreNotProjected() {
        assertThat(LetterProgress.of(new LetterDeadlineChanged("l1", "m1", DEADLINE, DEADLINE.plusSeconds(86400)))).isEmpty();
        assertThat(LetterProgress.of(new LetterMaterialsShared("l1", "m1", Set.of()))).isEmpty();
    }
}
