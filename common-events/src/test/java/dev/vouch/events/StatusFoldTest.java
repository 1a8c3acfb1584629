package dev.vouch.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StatusFoldTest {

    private static final Instant DEADLINE = Instant.parse("2027-01-15T00:00:00Z");

    @Test
    void letterEventsMoveTheStatusOrLeaveIt() {
        assertThat(LetterStatus.after(requested(true))).contains(LetterStatus.PLANNED);
        assertThat(LetterStatus.after(requested(false))).contains(LetterStatus.REQUESTED);
        assertThat(LetterStatus.after(new LetterAccepted("l", "m"))).contains(LetterStatus.ACCEPTED);
        assertThat(LetterStatus.after(new LetterDeclined("l", "m"))).contains(LetterStatus.DECLINED);
        assertThat(LetterStatus.after(new LetterSubmitted("l", "m"))).contains(LetterStatus.SUBMITTED);
        assertThat(LetterStatus.after(new LetterCancelled("l", "m"))).contains(LetterStatus.CANCELLED);
        assertThat(LetterStatus.after(new LetterDeadlineChanged("l", "m", DEADLINE, DEADLINE.plusSeconds(60)))).isEmpty();
        assertThat(LetterStatus.after(new LetterMaterialsShared("l", "m", Set.of(Material.CV)))).isEmpty();
    }

    @Test
    void finalStatusesAndWhatShowsTheWriterWasAsked() {
        assertThat(List.of(LetterStatus.values())).filteredOn(LetterStatus::isFinal)
                .containsExactly(LetterStatus.DECLINED, LetterStatus.SUBMITTED, LetterStatus.CANCELLED);
        assertThat(List.of(LetterStatus.values())).filteredOn(LetterStatus::showsAsked)
                .containsExactly(LetterStatus.REQUESTED, LetterStatus.ACCEPTED, LetterStatus.DECLINED,
                        LetterStatus.SUBMITTED);
    }

    @Test
    void mentorEventsMoveTheStatusOrLeaveIt() {
        assertThat(MentorStatus.after(new MentorAdded("m", "Dr. Lee", null, null, null, MentorRelationship.FACULTY,
                null, 0))).contains(MentorStatus.ACTIVE);
        assertThat(MentorStatus.after(new MentorArchived("m"))).contains(MentorStatus.ARCHIVED);
        assertThat(MentorStatus.after(new ContactLogged("m", "c", ContactType.EMAIL, DEADLINE))).isEmpty();
    }

    private static LetterRequested requested(boolean planned) {
        return new LetterRequested("l", "m", LetterPurpose.MEDICAL_SCHOOL, List.of("AMCAS"), DEADLINE, true, Set.of(),
                planned, false, planned ? null : DEADLINE.minusSeconds(86_400L * 40));
    }
}
