package dev.vouch.mentor.contact;

import dev.vouch.events.ContactType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ContactRulesTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void aContactMayBeLoggedUpToADayAheadButNotMore() {
        assertThat(ContactRules.isTooFarAhead(NOW.minus(Duration.ofDays(400)), NOW)).isFalse();
        assertThat(ContactRules.isTooFarAhead(NOW, NOW)).isFalse();
        assertThat(ContactRules.isTooFarAhead(NOW.plus(Duration.ofDays(1)), NOW)).isFalse();
        assertThat(ContactRules.isTooFarAhead(NOW.plus(Duration.ofDays(1)).plusSeconds(1), NOW)).isTrue();
    }

    @Test
    void theSameContactAlwaysGetsTheSameIdAndAnyDifferenceGivesAnother() {
        String id = ContactRules.contactId("t", "s", "m", ContactType.MEETING, NOW, "coffee");

        assertThat(ContactRules.contactId("t", "s", "m", ContactType.MEETING, NOW, "coffee")).isEqualTo(id);
        assertThat(ContactRules.contactId("t", "s", "m", ContactType.MEETING, NOW, null)).isNotEqualTo(id);
        assertThat(ContactRules.contactId("t", "s", "m", ContactType.CALL, NOW, "coffee")).isNotEqualTo(id);
        assertThat(ContactRules.contactId("t", "s", "m", ContactType.MEETING, NOW.plusMillis(1), "coffee")).isNotEqualTo(id);
        assertThat(ContactRules.contactId("t", "s", "m2", ContactType.MEETING, NOW, "coffee")).isNotEqualTo(id);
        assertThat(ContactRules.contactId("t", "s2", "m", ContactType.MEETING, NOW, "coffee")).isNotEqualTo(id);
        assertThat(ContactRules.contactId("t2", "s", "m", ContactType.MEETING, NOW, "coffee")).isNotEqualTo(id);
    }

    @Test
    void aNewContactKeepsMillisecondsAndDropsBlankNotes() {
        NewContact contact = new NewContact(ContactType.EMAIL, Instant.parse("2026-11-20T10:00:00.123456789Z"), "  ");

        assertThat(contact.occurredAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00.123Z"));
        assertThat(contact.notes()).isNull();
    }
}
