package dev.vouch.request.letter;

import dev.vouch.events.LetterStatus;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.LetterMaterialsShared;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.Material;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static dev.vouch.events.Material.CV;
import static dev.vouch.events.Material.PERSONAL_STATEMENT;
import static dev.vouch.events.Material.TRANSCRIPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LetterRequestTest {

    static final ShortNotice THIRTY_DAYS = new ShortNotice(ShortNotice.DEFAULT_WINDOW);
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Instant DEADLINE = NOW.plus(Duration.ofDays(45));

    static LetterDraft draft(boolean planned, Instant deadline) {
        return new LetterDraft("mentor-1", LetterPurpose.RESIDENCY, List.of(" Lakeside IM ", "Harbor IM"), deadline, true,
                Set.of(CV, PERSONAL_STATEMENT), "Would you write for me?", planned);
    }

    static LetterRequest letter(boolean planned) {
        return LetterRequest.create("letter-1", "med-school", "student-1", draft(planned, DEADLINE), THIRTY_DAYS, NOW);
    }

    /** A letter brought to {@code status} through legal moves. */
    static LetterRequest letterIn(LetterStatus status) {
        LetterRequest letter = letter(status == LetterStatus.PLANNED);
        if (status == LetterStatus.ACCEPTED || status == LetterStatus.SUBMITTED) {
            letter.moveTo(LetterStatus.ACCEPTED, THIRTY_DAYS, NOW);
        }
        if (status != LetterStatus.PLANNED && status != LetterStatus.REQUESTED && status != LetterStatus.ACCEPTED) {
            letter.moveTo(status, THIRTY_DAYS, NOW);
        }
        assertThat(letter.getStatus()).isEqualTo(status);
        return letter;
    }

    @Test
    void aRequestedLetterIsAnnouncedAsAskedNow() {
        LetterRequest letter = letter(false);

        assertThat(letter.getStatus()).isEqualTo(LetterStatus.REQUESTED);
        assertThat(letter.getRequestedAt()).isEqualTo(NOW);
        assertThat(letter.getTargets()).containsExactly("Lakeside IM", "Harbor IM");
        assertThat(letter.getVersion()).isZero(); // not stored yet: its first save stores 1, the event's sequence
        assertThat(letter.registeredEvents()).containsExactly(new LetterRequested("letter-1", "mentor-1",
                LetterPurpose.RESIDENCY, List.of("Lakeside IM", "Harbor IM"), DEADLINE, true, Set.of(PERSONAL_STATEMENT, CV),
                false, false, NOW));
    }

    @Test
    void aPlannedLetterIsAnnouncedWithoutARequestTime() {
        LetterRequest letter = letter(true);

        assertThat(letter.getStatus()).isEqualTo(LetterStatus.PLANNED);
        LetterRequested announced = (LetterRequested) letter.registeredEvents().get(0);
        assertThat(announced.planned()).isTrue();
        assertThat(announced.requestedAt()).isNull();
    }

    @Test
    void askingForAPlannedLetterAnnouncesItAgainAsRequestedWithShortNoticeAsOfThen() {
        LetterRequest letter = letter(true);
        Instant later = NOW.plus(Duration.ofDays(20)); // 25 days before the deadline

        LetterEvent event = letter.moveTo(LetterStatus.REQUESTED, THIRTY_DAYS, later);

        assertThat(letter.getStatus()).isEqualTo(LetterStatus.REQUESTED);
        assertThat(letter.getRequestedAt()).isEqualTo(later);
        assertThat(event).isInstanceOfSatisfying(LetterRequested.class, requested -> {
            assertThat(requested.planned()).isFalse();
            assertThat(requested.requestedAt()).isEqualTo(later);
            assertThat(requested.shortNotice()).isTrue();
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "REQUESTED, ACCEPTED, LetterAccepted",
            "REQUESTED, DECLINED, LetterDeclined",
            "REQUESTED, SUBMITTED, LetterSubmitted",
            "REQUESTED, CANCELLED, LetterCancelled",
            "ACCEPTED, SUBMITTED, LetterSubmitted",
            "ACCEPTED, CANCELLED, LetterCancelled",
            "PLANNED, CANCELLED, LetterCancelled",
            "PLANNED, REQUESTED, LetterRequested"})
    void eachMoveReturnsTheEventNamingTheLetterAndItsMentor(LetterStatus from, LetterStatus to, String eventName) {
        LetterRequest letter = letterIn(from);
        Instant later = NOW.plusSeconds(60);

        LetterEvent event = letter.moveTo(to, THIRTY_DAYS, later);

        assertThat(event.getClass().getSimpleName()).isEqualTo(eventName);
        assertThat(event.letterId()).isEqualTo("letter-1");
        assertThat(event.mentorId()).isEqualTo("mentor-1");
        assertThat(letter.getStatus()).isEqualTo(to);
        assertThat(letter.getUpdatedAt()).isEqualTo(later);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"REQUESTED, PLANNED", "REQUESTED, REQUESTED", "PLANNED, ACCEPTED", "PLANNED, SUBMITTED",
            "ACCEPTED, DECLINED", "SUBMITTED, CANCELLED", "DECLINED, ACCEPTED", "CANCELLED, REQUESTED"})
    void anIllegalMoveChangesNothing(LetterStatus from, LetterStatus to) {
        LetterRequest letter = letterIn(from);
        Instant updatedAt = letter.getUpdatedAt();
        Instant requestedAt = letter.getRequestedAt();

        assertThatThrownBy(() -> letter.moveTo(to, THIRTY_DAYS, NOW.plusSeconds(60)))
                .isInstanceOfSatisfying(IllegalMoveException.class, e -> assertThat(e.currentStatus()).isEqualTo(from));
        assertThat(letter.getStatus()).isEqualTo(from);
        assertThat(letter.getUpdatedAt()).isEqualTo(updatedAt);
        assertThat(letter.getRequestedAt()).isEqualTo(requestedAt);
    }

    @Test
    void aDeadlineInThePastIsRefusedAtCreation() {
        assertThatThrownBy(() -> LetterRequest.create("l", "t", "s", draft(false, NOW), THIRTY_DAYS, NOW))
                .isInstanceOf(InvalidDeadlineException.class);
    }

    @Test
    void movingTheDeadlineTellsTheOldAndTheNew() {
        LetterRequest letter = letter(false);
        Instant later = DEADLINE.plus(Duration.ofDays(7));

        assertThat(letter.moveDeadline(later, NOW))
                .contains(new LetterDeadlineChanged("letter-1", "mentor-1", DEADLINE, later));
        assertThat(letter.getDeadline()).isEqualTo(later);
    }

    @Test
    void theSameDeadlineIsNoChange() {
        assertThat(letter(false).moveDeadline(DEADLINE, NOW)).isEmpty();
    }

    @Test
    void aDeadlineCannotBeMovedIntoThePast() {
        LetterRequest letter = letter(false);
        assertThatThrownBy(() -> letter.moveDeadline(NOW.minusSeconds(1), NOW)).isInstanceOf(InvalidDeadlineException.class);
        assertThat(letter.getDeadline()).isEqualTo(DEADLINE);
    }

    @Test
    void sharingMaterialsTellsTheWholeSetAndTheSameSetIsNoChange() {
        LetterRequest letter = letter(false);

        assertThat(letter.shareMaterials(Set.of(TRANSCRIPT, CV, PERSONAL_STATEMENT), NOW))
                .contains(new LetterMaterialsShared("letter-1", "mentor-1", Set.of(PERSONAL_STATEMENT, CV, TRANSCRIPT)));
        assertThat(letter.getMaterials()).containsExactly(PERSONAL_STATEMENT, CV, TRANSCRIPT);
        assertThat(letter.shareMaterials(Set.of(CV, TRANSCRIPT, PERSONAL_STATEMENT), NOW)).isEmpty();
        assertThat(letter.shareMaterials(Set.of(), NOW)).contains(new LetterMaterialsShared("letter-1", "mentor-1", Set.of()));
    }

    @ParameterizedTest
    @CsvSource({"SUBMITTED", "DECLINED", "CANCELLED"})
    void aFinalLetterKeepsItsDeadlineAndMaterials(LetterStatus status) {
        LetterRequest letter = letterIn(status);

        assertThatThrownBy(() -> letter.moveDeadline(DEADLINE.plusSeconds(3600), NOW))
                .isInstanceOfSatisfying(LetterClosedException.class, e -> assertThat(e.currentStatus()).isEqualTo(status));
        assertThatThrownBy(() -> letter.shareMaterials(Set.of(Material.HIGHLIGHTS), NOW))
                .isInstanceOf(LetterClosedException.class);
        assertThat(letter.getDeadline()).isEqualTo(DEADLINE);
        assertThat(letter.getMaterials()).containsExactly(PERSONAL_STATEMENT, CV);
    }

    @Test
    void shortNoticeOfARequestedLetterCountsFromWhenItWasAsked() {
        LetterRequest letter = LetterRequest.create("l", "t", "s", draft(false, NOW.plus(Duration.ofDays(31))), THIRTY_DAYS, NOW);
        assertThat(letter.isShortNotice(THIRTY_DAYS, NOW)).isFalse();
        assertThat(letter.isShortNotice(THIRTY_DAYS, NOW.plus(Duration.ofDays(10)))).isFalse();
    }

    @Test
    void shortNoticeOfAPlannedLetterCountsFromToday() {
        LetterRequest letter = LetterRequest.create("l", "t", "s", draft(true, NOW.plus(Duration.ofDays(31))), THIRTY_DAYS, NOW);
        assertThat(letter.isShortNotice(THIRTY_DAYS, NOW)).isFalse();
        assertThat(letter.isShortNotice(THIRTY_DAYS, NOW.plus(Duration.ofDays(10)))).isTrue();
    }

    @Test
    void daysUntilTheDeadlineAreWholeDaysRoundedDownAndNegativeOncePassed() {
        LetterRequest letter = letter(false); // due 45 days after NOW
        assertThat(letter.daysUntilDeadline(NOW)).isEqualTo(45);
        assertThat(letter.daysUntilDeadline(NOW.plusSeconds(1))).isEqualTo(44);
        assertThat(letter.daysUntilDeadline(DEADLINE)).isZero();
        assertThat(letter.daysUntilDeadline(DEADLINE.plusSeconds(1))).isEqualTo(-1);
    }
}
