package dev.vouch.reminder.projection;

import dev.vouch.events.ContactType;
import dev.vouch.events.MentorArchived;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.MentorUpdated;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.vouch.reminder.Facts.STUDENT;
import static dev.vouch.reminder.Facts.TENANT;
import static dev.vouch.reminder.Facts.contact;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.stamp;
import static org.assertj.core.api.Assertions.assertThat;

class MentorTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");

    @Test
    void aLetterBeforeItsMentorLeavesAPlaceholderThatTheMentorFillsIn() {
        Mentor placeholder = Mentor.placeholder("M1", TENANT, STUDENT).withLetter("L1");
        Mentor known = placeholder.apply(mentorAdded("M1", "Dr. Ana Rivera", 60), stamp(T0, 1));

        assertThat(placeholder.known()).isFalse();
        assertThat(known.known()).isTrue();
        assertThat(known.name()).isEqualTo("Dr. Ana Rivera");
        assertThat(known.stayInTouchDays()).isEqualTo(60);
        assertThat(known.addedAt()).isEqualTo(T0);
        assertThat(known.letterIds()).containsExactly("L1");
    }

    @Test
    void contactsKeepTheLatestAndNeverMoveBack() {
        Mentor mentor = Mentor.placeholder("M1", TENANT, STUDENT).apply(mentorAdded("M1", "Dr. Ana Rivera", 90), stamp(T0, 1))
                .apply(contact("M1", ContactType.THANK_YOU, T0.plus(days(10))), stamp(T0.plus(days(10)), 2))
                .apply(contact("M1", ContactType.EMAIL, T0.plus(days(3))), stamp(T0.plus(days(11)), 3));

        assertThat(mentor.lastContactAt()).isEqualTo(T0.plus(days(10)));
        assertThat(mentor.lastThankYouAt()).isEqualTo(T0.plus(days(10)));
        assertThat(mentor.apply(contact("M1", ContactType.EMAIL, T0.plus(days(10))), stamp(T0.plus(days(12)), 4))).isSameAs(mentor);
    }

    @Test
    void detailsApplyOnlyWhenNewerAndArchivingIsFinal() {
        Mentor mentor = Mentor.placeholder("M1", TENANT, STUDENT).apply(mentorAdded("M1", "Dr. Ana Rivera", 90), stamp(T0, 1));
        Mentor updated = mentor.apply(new MentorUpdated("M1", List.of("name"), "Dr. Ana Rivera-Lopez", null, null, null,
                MentorRelationship.FACULTY, 30), stamp(T0, 2));
        Mentor archived = updated.apply(new MentorArchived("M1"), stamp(T0, 3));

        assertThat(updated.apply(mentorAdded("M1", "Dr. Ana Rivera", 90), stamp(T0, 1))).isSameAs(updated);
        assertThat(updated.name()).isEqualTo("Dr. Ana Rivera-Lopez");
        assertThat(updated.stayInTouchDays()).isEqualTo(30);
        assertThat(archived.isActive()).isFalse();
        assertThat(archived.apply(new MentorUpdated("M1", List.of("title"), "Dr. Ana Rivera-Lopez", "Chief", null, null,
                MentorRelationship.FACULTY, 30), stamp(T0, 4)).isActive()).isFalse();
    }
}
