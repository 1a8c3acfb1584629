package dev.vouch.request.coverage;

import dev.vouch.events.ApplicationSystem;
import dev.vouch.events.CoverageGap;
import dev.vouch.events.CoverageGapKind;
import dev.vouch.events.LetterKind;
import dev.vouch.events.LetterStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest {

    static final CoverageRule ERAS = new CoverageRule(3, 4, Set.of(), false);
    static final CoverageRule AMCAS = new CoverageRule(3, 10, Set.of(), true);
    static final Instant DEADLINE = Instant.parse("2027-01-15T23:59:59Z");

    int next;

    Coverage.AssignedLetter letter(LetterStatus status) {
        return letter(status, LetterKind.STANDARD);
    }

    Coverage.AssignedLetter letter(LetterStatus status, LetterKind kind) {
        next++;
        return new Coverage.AssignedLetter("l" + next, "m" + next, kind, status, DEADLINE.plusSeconds(next));
    }

    @Test
    void twoOnTrackOfThreeIsTooFew() {
        Coverage.Result result = Coverage.of(ApplicationSystem.ERAS, ERAS, DEADLINE,
                List.of(letter(LetterStatus.REQUESTED), letter(LetterStatus.ACCEPTED), letter(LetterStatus.PLANNED)));

        assertThat(result.onTrack()).isEqualTo(2);
        assertThat(result.assigned()).isEqualTo(3);
        assertThat(result.gaps()).containsExactly(new CoverageGap(CoverageGapKind.TOO_FEW_ON_TRACK, null, null, 3, 2));
    }

    @Test
    void threeOnTrackIsCoveredWhateverElseWasDeclinedOrCancelled() {
        Coverage.Result result = Coverage.of(ApplicationSystem.ERAS, ERAS, DEADLINE, List.of(
                letter(LetterStatus.REQUESTED), letter(LetterStatus.SUBMITTED), letter(LetterStatus.ACCEPTED),
                letter(LetterStatus.DECLINED), letter(LetterStatus.CANCELLED)));

        assertThat(result.gaps()).isEmpty();
    }

    @Test
    void aFifthAssignedEras_letterIsOverTheCap_andAtCapBeforeIt() {
        List<Coverage.AssignedLetter> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(letter(i == 0 ? LetterStatus.PLANNED : LetterStatus.REQUESTED));
        }
        assertThat(Coverage.atCap(ERAS, four)).isTrue();
        assertThat(Coverage.atCap(ERAS, four.subList(0, 3))).isFalse();
        assertThat(Coverage.of(ApplicationSystem.ERAS, ERAS, DEADLINE, four).gaps()).isEmpty();

        List<Coverage.AssignedLetter> five = new ArrayList<>(four);
        five.add(letter(LetterStatus.REQUESTED));
        assertThat(Coverage.of(ApplicationSystem.ERAS, ERAS, DEADLINE, five).gaps())
                .containsExactly(new CoverageGap(CoverageGapKind.OVER_CAP, null, null, 4, 5));
    }

    @Test
    void declinedLettersDoNotTakeAPlaceUnderTheCap() {
        List<Coverage.AssignedLetter> letters = List.of(letter(LetterStatus.DECLINED), letter(LetterStatus.CANCELLED),
                letter(LetterStatus.REQUESTED), letter(LetterStatus.REQUESTED), letter(LetterStatus.REQUESTED));
        assertThat(Coverage.atCap(ERAS, letters)).isFalse();
    }

    @Test
    void aRequiredKindIsMissingUntilALetterOfThatKindIsOnTrack() {
        CoverageRule withChair = ERAS.requiring(Set.of(LetterKind.CHAIR, LetterKind.SLOE));
        List<Coverage.AssignedLetter> letters = List.of(letter(LetterStatus.REQUESTED),
                letter(LetterStatus.REQUESTED), letter(LetterStatus.PLANNED, LetterKind.CHAIR),
                letter(LetterStatus.ACCEPTED, LetterKind.SLOE));

        assertThat(Coverage.of(ApplicationSystem.ERAS, withChair, DEADLINE, letters).gaps())
                .containsExactly(new CoverageGap(CoverageGapKind.REQUIRED_KIND_MISSING, LetterKind.CHAIR, null, null, null));
    }

    @Test
    void aDeclineIsAGapWhileTheTargetIsShort() {
        Coverage.AssignedLetter declined = letter(LetterStatus.DECLINED);
        Coverage.Result shortOfOne = Coverage.of(ApplicationSystem.ERAS, ERAS, DEADLINE,
                List.of(declined, letter(LetterStatus.REQUESTED), letter(LetterStatus.ACCEPTED)));

        assertThat(shortOfOne.gaps()).extracting(CoverageGap::kind)
                .containsExactly(CoverageGapKind.TOO_FEW_ON_TRACK, CoverageGapKind.WRITER_DECLINED);
        assertThat(shortOfOne.gaps().get(1).letterId()).isEqualTo(declined.letterId());
    }

    @Test
    void aCommitteeLetterCoversTheMinimumWhereTheSystemSaysSo() {
        List<Coverage.AssignedLetter> committee = List.of(letter(LetterStatus.REQUESTED, LetterKind.COMMITTEE));

        assertThat(Coverage.of(ApplicationSystem.AMCAS, AMCAS, DEADLINE, committee).gaps()).isEmpty();
        assertThat(Coverage.of(ApplicationSystem.ERAS, ERAS, DEADLINE, committee).gaps())
                .extracting(CoverageGap::kind).containsExactly(CoverageGapKind.TOO_FEW_ON_TRACK);
    }

    @Test
    void withoutItsOwnDeadlineATargetCountsAgainstItsEarliestOpenLetter() {
        Coverage.AssignedLetter submitted = new Coverage.AssignedLetter("a", "m", LetterKind.STANDARD,
                LetterStatus.SUBMITTED, DEADLINE.minusSeconds(100));
        Coverage.AssignedLetter open = new Coverage.AssignedLetter("b", "m", LetterKind.STANDARD,
                LetterStatus.REQUESTED, DEADLINE);

        assertThat(Coverage.of(ApplicationSystem.ERAS, ERAS, null, List.of(submitted, open)).deadline()).isEqualTo(DEADLINE);
        assertThat(Coverage.of(ApplicationSystem.ERAS, ERAS, DEADLINE.plusSeconds(5), List.of(open)).deadline())
                .isEqualTo(DEADLINE.plusSeconds(5));
    }

    @Test
    void targetsMatchIgnoringCaseAndSpacing() {
        assertThat(Coverage.key("  Lakeside   Internal Medicine ")).isEqualTo(Coverage.key("lakeside internal medicine"));
        assertThat(Target.idOf("t", "s", "Lakeside IM")).isEqualTo(Target.idOf("t", "s", " LAKESIDE  im"))
                .isNotEqualTo(Target.idOf("t", "other", "Lakeside IM"));
    }
}
