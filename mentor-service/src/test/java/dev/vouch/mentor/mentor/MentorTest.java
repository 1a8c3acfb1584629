package dev.vouch.mentor.mentor;

import dev.vouch.events.MentorStatus;
import dev.vouch.events.ContactType;
import dev.vouch.events.MentorRelationship;
import dev.vouch.events.MentorUpdated;
import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorArchived;
import dev.vouch.events.ContactLogged;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MentorTest {

    static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    static Mentor mentor() {
        return Mentor.add("m1", "med-school", "s1", new MentorDetails("Dr. Ana Rivera", null, null, null, null,
                MentorRelationship.FACULTY, null, null, null, null), T0);
    }

    @Test
    void aNewMentorIsActiveAndItsFirstEventIsSequenceOne() {
        Mentor mentor = mentor();

        assertThat(mentor.getStatus()).isEqualTo(MentorStatus.ACTIVE);
        assertThat(mentor.getVersion()).isZero(); // not stored: its first save stores version 1, MentorAdded's sequence
        assertThat(mentor.registeredEvents()).singleElement().isInstanceOfSatisfying(MentorAdded.class, added -> {
            assertThat(added.stayInTouchDays()).isEqualTo(90);
            assertThat(added.relationship()).isEqualTo(MentorRelationship.FACULTY);
        });
    }

    @Test
    void anUpdateReportsWhatChangedAndAnIdenticalOneChangesNothing() {
        Mentor mentor = mentor();
        MentorDetails renamed = new MentorDetails("Dr. Ana Rivera-Cruz", null, "Program Director", null, null,
                MentorRelationship.FACULTY, null, null, null, null);
        Instant later = T0.plus(Duration.ofDays(1));

        List<String> changed = mentor.update(renamed, later);
        assertThat(changed).containsExactly("name", "title");
        assertThat(mentor.getUpdatedAt()).isEqualTo(later);
        MentorUpdated event = (MentorUpdated) mentor.registeredEvents().get(1);
        assertThat(event.name()).isEqualTo("Dr. Ana Rivera-Cruz");
        assertThat(event.changedFields()).containsExactly("name", "title");

        assertThat(mentor.update(renamed, later.plusSeconds(60))).isEmpty();
        assertThat(mentor.getUpdatedAt()).isEqualTo(later);
        assertThat(mentor.registeredEvents()).hasSize(2);
    }

    @Test
    void archivingTwiceChangesNothingTheSecondTime() {
        Mentor mentor = mentor();

        assertThat(mentor.archive(T0.plusSeconds(10))).isTrue();
        assertThat(mentor.archive(T0.plusSeconds(20))).isFalse();
        assertThat(mentor.registeredEvents()).filteredOn(MentorArchived.class::isInstance).hasSize(1);
        assertThat(mentor.getArchivedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(mentor.isArchived()).isTrue();
    }

    @Test
    void theLastContactIsTheLatestThatHappenedWhateverTheOrderTheyAreLoggedIn() {
        Mentor mentor = mentor();
        mentor.logContact(new ContactEntry("c1", ContactType.MEETING, T0.plus(Duration.ofDays(5)), null, T0.plus(Duration.ofDays(5))));
        mentor.logContact(new ContactEntry("c2", ContactType.EMAIL, T0.plus(Duration.ofDays(2)), null, T0.plus(Duration.ofDays(6))));

        assertThat(mentor.getContactCount()).isEqualTo(2);
        assertThat(mentor.getLastContactAt()).isEqualTo(T0.plus(Duration.ofDays(5)));
        assertThat(mentor.registeredEvents()).last().isInstanceOfSatisfying(ContactLogged.class,
                logged -> assertThat(logged.type()).isEqualTo(ContactType.EMAIL));
    }

    @Test
    void onlyTheMostRecentlyLoggedContactsStayOnTheMentor() {
        Mentor mentor = mentor();
        for (int i = 1; i <= Mentor.RECENT_CONTACTS + 2; i++) {
            mentor.logContact(new ContactEntry("c" + i, ContactType.CALL, T0, null, T0.plusSeconds(i)));
        }

        assertThat(mentor.getContactCount()).isEqualTo(Mentor.RECENT_CONTACTS + 2);
        assertThat(mentor.getRecentContacts()).hasSize(Mentor.RECENT_CONTACTS)
                .extracting(ContactEntry::id).doesNotContain("c1", "c2").contains("c3", "c7");
    }
}
