package dev.vouch.reminder.rules;

import dev.vouch.events.ReminderKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderIdsTest {

    @Test
    void idsAreDeterministicAndReadBack() {
        assertThat(ReminderIds.deadline("c9f0-1", 7)).isEqualTo("DEADLINE_APPROACHING:c9f0-1:7");

        ReminderIds.Parsed threshold = ReminderIds.parse("DEADLINE_APPROACHING:c9f0-1:7");
        assertThat(threshold.kind()).isEqualTo(ReminderKind.DEADLINE_APPROACHING);
        assertThat(threshold.subjectId()).isEqualTo("c9f0-1");
        assertThat(threshold.daysBefore()).isEqualTo(7);
        assertThat(threshold.subject()).isEqualTo("letter:c9f0-1");

        ReminderIds.Parsed stayInTouch = ReminderIds.parse("STAY_IN_TOUCH:8f14:e4");
        assertThat(stayInTouch.subjectId()).isEqualTo("8f14:e4");
        assertThat(stayInTouch.subject()).isEqualTo("mentor:8f14:e4");

        assertThat(ReminderIds.parse("ASK_EARLY:L1:planned").variant()).isEqualTo("planned");
        assertThat(ReminderIds.parse("NOT_A_KIND:x")).isNull();
        assertThat(ReminderIds.parse("no-colon")).isNull();
    }
}
