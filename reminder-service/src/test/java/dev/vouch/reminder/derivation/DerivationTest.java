package dev.vouch.reminder.derivation;

import dev.vouch.events.ContactType;
import dev.vouch.events.DeadlineApproaching;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterDeadlineChanged;
import dev.vouch.events.LetterDeclined;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.Material;
import dev.vouch.events.ReminderDue;
import dev.vouch.events.ReminderResolution;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.PendingEvent;
import dev.vouch.reminder.store.Reminder;
import dev.vouch.reminder.lifecycle.ReminderState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.vouch.reminder.Facts.BOTH;
import static dev.vouch.reminder.Facts.contact;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.planned;
import static dev.vouch.reminder.Facts.requested;
import static dev.vouch.reminder.derivation.World.dueIds;
import static dev.vouch.reminder.derivation.World.resolvedIds;
import static org.assertj.core.api.Assertions.assertThat;

/** The rule table at work on a student's story, from events in to reminders out, without infrastructure. */
class DerivationTest {

    final World world = new World();

    @Test
    void aLetterFiveDaysFromItsDeadlineGetsOneDeadlineReminderAtOnce() {
        world.send(mentorAdded("M1", "Dr. Rivera", 90));
        Instant deadline = world.clock.instant().plus(days(5));
        world.send(requested("L1", "M1", deadline, world.clock.instant(), BOTH));

        List<PendingEvent> fired = world.tick();

        assertThat(dueIds(fired)).contains("DEADLINE_APPROACHING:L1:7").doesNotContain("DEADLINE_APPROACHING:L1:14");
        assertThat(payloads(fired)).contains(new DeadlineApproaching("DEADLINE_APPROACHING:L1:7", "L1", "M1", deadline, 7));
        Reminder reminder = world.reminder("DEADLINE_APPROACHING:L1:7");
        assertThat(reminder.getState()).isEqualTo(ReminderState.OPEN);
        assertThat(reminder.getMessage())
                .isEqualTo("Dr. Rivera has not confirmed your residency letter due in 5 days: send a polite follow-up");
        assertThat(world.store.schedule).containsEntry("letter:L1", deadline.minus(days(3)));
        assertThat(world.tick()).as("nothing fires twice").isEmpty();
    }

    @Test
    void aDeadlineMovedLaterReArmsThresholdsAndResolvesTheOneAlreadyFired() {
        world.send(mentorAdded("M1", "Dr. Rivera", 90));
        Instant deadline = world.clock.instant().plus(days(5));
        world.send(requested("L1", "M1", deadline, world.clock.instant(), BOTH));
        world.tick();

        world.clock.advance(days(1));
        int before = world.store.published.size();
        Instant later = world.clock.instant().plus(days(25));
        world.send(new LetterDeadlineChanged("L1", "M1", deadline, later));

        assertThat(resolvedIds(world.publishedSince(before), ReminderResolution.CONDITION_CLEARED))
                .contains("DEADLINE_APPROACHING:L1:7");
        assertThat(world.state("DEADLINE_APPROACHING:L1:7")).isEqualTo(ReminderState.RESOLVED);
        assertThat(world.store.schedule.get("letter:L1")).isEqualTo(later.minus(days(14)));

        world.clock.set(later.minus(days(14)));
        assertThat(dueIds(world.tick())).containsExactly("DEADLINE_APPROACHING:L1:14");
        world.clock.set(later.minus(days(7)));
        assertThat(dueIds(world.tick())).as("the no-response reminder is due by then too")
                .containsExactlyInAnyOrder("DEADLINE_APPROACHING:L1:7", "NO_RESPONSE:L1");
        assertThat(world.state("DEADLINE_APPROACHING:L1:7")).isEqualTo(ReminderState.OPEN);
    }

    @Test
    void aDeadlineMovedEarlierFiresTheThresholdItPassedAtOnce() {
        world.send(mentorAdded("M1", "Dr. Rivera", 90));
        Instant deadline = world.clock.instant().plus(days(30));
        world.send(requested("L1", "M1", deadline, world.clock.instant(), BOTH));
        assertThat(world.tick()).isEmpty();

        world.clock.advance(days(2));
        world.send(new LetterDeadlineChanged("L1", "M1", deadline, world.clock.instant().plus(days(2))));
        List<PendingEvent> fired = world.tick();

        assertThat(dueIds(fired)).contains("DEADLINE_APPROACHING:L1:3")
                .doesNotContain("DEADLINE_APPROACHING:L1:14", "DEADLINE_APPROACHING:L1:7", "DEADLINE_APPROACHING:L1:1");
        assertThat(payloads(fired)).filteredOn(DeadlineApproaching.class::isInstance).singleElement()
                .extracting(e -> ((DeadlineApproaching) e).daysBefore()).isEqualTo(3);
    }

    @Test
    void aDeadlineMovedEarlierKeepsAFiredThresholdUnlessANearerOneTakesOver() {
        world.send(mentorAdded("M1", "Dr. Rivera", 90));
        Instant deadline = world.clock.instant().plus(days(10));
        world.send(requested("L1", "M1", deadline, world.clock.instant(), BOTH));
        assertThat(dueIds(world.tick())).contains("DEADLINE_APPROACHING:L1:14");

        world.send(new LetterDeadlineChanged("L1", "M1", deadline, world.clock.instant().plus(days(8))));
        assertThat(dueIds(world.tick())).as("8 days out: still the 14-day threshold, told once").isEmpty();
        assertThat(world.state("DEADLINE_APPROACHING:L1:14")).isEqualTo(ReminderState.OPEN);

        int before = world.store.published.size();
        world.send(new LetterDeadlineChanged("L1", "M1", deadline, world.clock.instant().plus(days(5))));
        List<PendingEvent> fired = world.tick();

        assertThat(dueIds(fired)).containsExactly("DEADLINE_APPROACHING:L1:7");
        assertThat(resolvedIds(world.publishedSince(before), ReminderResolution.CONDITION_CLEARED))
                .containsExactly("DEADLINE_APPROACHING:L1:14");
    }

    @Test
    void aSubmittedLetterResolvesEveryReminderOfThatLetter() {
        world.send(mentorAdded("M1", "Dr. Rivera", 90));
        Instant start = world.clock.instant();
        Instant deadline = start.plus(days(20));
        world.send(requested("L1", "M1", deadline, start, Set.of(Material.TRANSCRIPT)));
        List<String> fired = new ArrayList<>(dueIds(world.tick()));
        for (int day = 1; day <= 14; day++) {
            fired.addAll(dueIds(world.advance(days(1))));
        }
        assertThat(fired).containsExactlyInAnyOrder("ASK_EARLY:L1:short-notice", "MISSING_MATERIALS:L1",
                "DEADLINE_APPROACHING:L1:14", "DEADLINE_APPROACHING:L1:7", "NO_RESPONSE:L1");

        int before = world.store.published.size();
        world.send(new LetterSubmitted("L1", "M1"));

        assertThat(resolvedIds(world.publishedSince(before), ReminderResolution.CONDITION_CLEARED))
                .containsExactlyInAnyOrderElementsOf(fired);
        fired.forEach(id -> assertThat(world.state(id)).as(id).isEqualTo(ReminderState.RESOLVED));
        assertThat(world.store.schedule.get("letter:L1")).as("only the thank-you is left")
                .isEqualTo(world.clock.instant().plus(days(3)));
        assertThat(dueIds(world.advance(days(10)))).containsExactly("THANK_YOU:L1");
    }

    @Test
    void anyContactResetsStayInTouch() {
        world.send(mentorAdded("M1", "Dr. Rivera", 30));
        world.clock.advance(days(20));
        world.send(contact("M1", ContactType.EMAIL, world.clock.instant()));
        assertThat(world.store.schedule.get("mentor:M1")).isEqualTo(world.clock.instant().plus(days(30)));
        assertThat(world.advance(days(29))).isEmpty();

        assertThat(dueIds(world.advance(days(1)))).containsExactly("STAY_IN_TOUCH:M1");

        world.clock.advance(days(2));
        int before = world.store.published.size();
        world.send(contact("M1", ContactType.CALL, world.clock.instant()));
        assertThat(resolvedIds(world.publishedSince(before), ReminderResolution.CONDITION_CLEARED))
                .containsExactly("STAY_IN_TOUCH:M1");
        assertThat(world.state("STAY_IN_TOUCH:M1")).isEqualTo(ReminderState.RESOLVED);

        assertThat(dueIds(world.advance(days(30)))).as("a new cycle, same id").containsExactly("STAY_IN_TOUCH:M1");
        assertThat(world.state("STAY_IN_TOUCH:M1")).isEqualTo(ReminderState.OPEN);
    }

    @Test
    void aDeclinedLetterStopsAllOfItsFollowUps() {
        world.send(mentorAdded("M1", "Dr. Rivera", 365));
        Instant deadline = world.clock.instant().plus(days(40));
        world.send(requested("L1", "M1", deadline, world.clock.instant(), Set.of()));
        assertThat(dueIds(world.advance(days(2)))).containsExactly("MISSING_MATERIALS:L1");

        world.clock.advance(days(1));
        int before = world.store.published.size();
        world.send(new LetterDeclined("L1", "M1"));

        assertThat(resolvedIds(world.publishedSince(before), ReminderResolution.CONDITION_CLEARED))
                .containsExactly("MISSING_MATERIALS:L1");
        assertThat(world.store.schedule).doesNotContainKey("letter:L1");
        assertThat(world.advance(days(60))).isEmpty();
    }

    @Test
    void aDuplicateEventChangesNothing() {
        world.send(mentorAdded("M1", "Dr. Rivera", 90));
        world.send(requested("L1", "M1", world.clock.instant().plus(days(5)), world.clock.instant(), BOTH));
        world.tick();
        List<EventEnvelope<VouchEvent>> delivered = List.copyOf(world.sent);
        int published = world.store.published.size();
        int reminderWrites = world.store.reminderWrites;
        int projectionWrites = world.store.projectionWrites;

        Judgement.Outcome again = world.deliver(delivered);

        assertThat(again.written()).isEmpty();
        assertThat(world.store.published).hasSize(published);
        assertThat(world.store.reminderWrites).isEqualTo(reminderWrites);
        assertThat(world.store.projectionWrites).isEqualTo(projectionWrites);
        assertThat(world.tick()).isEmpty();
    }

    @Test
    void aLetterBeforeItsMentorWorksAndIsRetitledWhenTheMentorArrives() {
        world.send(requested("L1", "M1", world.clock.instant().plus(days(5)), world.clock.instant(), BOTH));
        world.tick();
        assertThat(world.reminder("DEADLINE_APPROACHING:L1:7").getMessage()).startsWith("Your mentor has not confirmed");

        int before = world.store.published.size();
        world.send(mentorAdded("M1", "Dr. Rivera", 90));

        assertThat(world.reminder("DEADLINE_APPROACHING:L1:7").getMessage())
                .isEqualTo("Dr. Rivera has not confirmed your residency letter due in 5 days: send a polite follow-up");
        assertThat(world.publishedSince(before)).as("new words are not a new event").isEmpty();
        assertThat(world.store.schedule.get("mentor:M1")).isEqualTo(world.clock.instant().plus(days(90)));
    }

    @Test
    void aThankYouIsOwedUntilAThankYouContact() {
        world.send(mentorAdded("M1", "Dr. Rivera", 365));
        world.send(requested("L1", "M1", world.clock.instant().plus(days(60)), world.clock.instant(), BOTH));
        world.clock.advance(days(10));
        world.send(new LetterSubmitted("L1", "M1"));
        assertThat(dueIds(world.advance(days(3)))).containsExactly("THANK_YOU:L1");

        world.clock.advance(days(1));
        world.send(contact("M1", ContactType.EMAIL, world.clock.instant()));
        assertThat(world.state("THANK_YOU:L1")).isEqualTo(ReminderState.OPEN);
        world.send(contact("M1", ContactType.THANK_YOU, world.clock.instant()));
        assertThat(world.state("THANK_YOU:L1")).isEqualTo(ReminderState.RESOLVED);
    }

    @Test
    void anOverdueLetterEscalatesToTheAdvisor() {
        world.send(mentorAdded("M1", "Dr. Rivera", 365));
        world.send(requested("L1", "M1", world.clock.instant().plus(days(45)), world.clock.instant(), BOTH));

        world.advance(days(45));

        assertThat(payloads(world.store.published)).filteredOn(ReminderDue.class::isInstance).map(ReminderDue.class::cast)
                .filteredOn(due -> due.reminderId().equals("OVERDUE:L1")).singleElement()
                .satisfies(due -> assertThat(due.escalateToAdvisor()).isTrue());
    }

    @Test
    void aPlannedLetterIsFlaggedSixWeeksOutAndClearedByTheRequest() {
        world.send(mentorAdded("M1", "Dr. Rivera", 365));
        Instant deadline = world.clock.instant().plus(days(60));
        world.send(planned("L1", "M1", deadline));
        assertThat(dueIds(world.advance(days(18)))).containsExactly("ASK_EARLY:L1:planned");

        world.clock.advance(days(2));
        world.send(requested("L1", "M1", deadline, world.clock.instant(), BOTH));

        assertThat(world.state("ASK_EARLY:L1:planned")).isEqualTo(ReminderState.RESOLVED);
    }

    @Test
    void whileCatchingUpResolutionsWaitForTheScheduler() {
        world.send(mentorAdded("M1", "Dr. Rivera", 365));
        world.send(requested("L1", "M1", world.clock.instant().plus(days(5)), world.clock.instant(), BOTH));
        world.tick();
        world.caughtUp = false;
        int before = world.store.published.size();

        world.send(new LetterSubmitted("L1", "M1"));

        assertThat(world.publishedSince(before)).isEmpty();
        assertThat(world.store.schedule.get("letter:L1")).isEqualTo(world.clock.instant());
        world.tick();
        assertThat(resolvedIds(world.publishedSince(before), ReminderResolution.CONDITION_CLEARED))
                .contains("DEADLINE_APPROACHING:L1:7");
    }

    @Test
    void aStudentsDismissalHoldsUntilANewCycle() {
        world.send(mentorAdded("M1", "Dr. Rivera", 30));
        world.advance(days(30));
        world.close("STAY_IN_TOUCH:M1", ReminderResolution.DISMISSED);
        assertThat(world.state("STAY_IN_TOUCH:M1")).isEqualTo(ReminderState.DISMISSED);
        assertThat(world.advance(days(10))).isEmpty();

        int before = world.store.published.size();
        world.send(contact("M1", ContactType.MEETING, world.clock.instant()));
        assertThat(world.publishedSince(before)).as("already closed by the student: nothing to announce").isEmpty();
        assertThat(dueIds(world.advance(days(30)))).containsExactly("STAY_IN_TOUCH:M1");
    }

    private static List<VouchEvent> payloads(List<PendingEvent> events) {
        return events.stream().map(event -> World.envelope(event).payload()).toList();
    }

}
