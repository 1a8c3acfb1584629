package dev.vouch.events;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every concrete event (a leaf of the sealed {@link VouchEvent} hierarchy) is a record in the catalogue. */
class EventRecordsTest {

    private static final Map<Class<?>, String> TOPIC_OF_FAMILY = Map.of(
            MentorEvent.class, Topics.MENTORS,
            LetterEvent.class, Topics.LETTERS,
            TargetEvent.class, Topics.LETTERS,
            ReminderEvent.class, Topics.REMINDERS,
            WriterEvent.class, Topics.WRITERS);

    @Test
    void everyPermittedEventIsARecordInTheCatalogue() {
        Set<Class<?>> leaves = leaves(VouchEvent.class).collect(Collectors.toSet());

        assertThat(leaves).isNotEmpty().allSatisfy(leaf -> {
            assertThat(leaf.isRecord()).as("%s is a record", leaf.getSimpleName()).isTrue();
            assertThat(VouchEvent.class).isAssignableFrom(leaf);
            assertThat(EventType.of(leaf).recordClass()).isEqualTo(leaf);
        });
        assertThat(Arrays.stream(EventType.values()).map(EventType::recordClass).collect(Collectors.toSet()))
                .isEqualTo(leaves);
    }

    @Test
    void eachFamilyPublishesOnItsTopic() {
        assertThat(VouchEvent.class.getPermittedSubclasses()).containsExactlyInAnyOrderElementsOf(TOPIC_OF_FAMILY.keySet());
        TOPIC_OF_FAMILY.forEach((family, topic) -> assertThat(leaves(family))
                .allSatisfy(leaf -> assertThat(EventType.of(leaf).topic()).as(leaf.getSimpleName()).isEqualTo(topic)));
    }

    @Test
    void ceTypesFollowTheNamingRule() {
        assertThat(EventType.values()).allSatisfy(type -> assertThat(type.ceType())
                .isEqualTo("dev.vouch." + type.recordClass().getSimpleName() + ".v" + type.majorVersion())
                .matches("dev\\.vouch\\.[A-Z][A-Za-z]+\\.v[1-9][0-9]*"));
        assertThat(Topics.ALL).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet()));
    }

    private static Stream<Class<?>> leaves(Class<?> type) {
        if (!type.isSealed()) {
            return Stream.of(type);
        }
        return Arrays.stream(type.getPermittedSubclasses()).flatMap(EventRecordsTest::leaves);
    }
}
