package dev.vouch.mentor;

import dev.vouch.testsupport.EventProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.vouch.testsupport.EventProbe.keyed;

/**
 * The distinct events (by {@code ce_id}) published for one student, as a subscriber that drops duplicates sees
 * them. Delivery is at-least-once: the outbox may send an event again, always with the same id.
 */
public final class Published {

    private Published() {
    }

    /** Waits until {@code count} distinct events keyed by the student have arrived; returns them in order. */
    public static List<ConsumerRecord<String, byte[]>> await(EventProbe probe, String studentId, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> distinct(probe.all(), studentId), found -> found.size() >= count);
    }

    /** Keeps reading for a while and returns every distinct event of the student: to check no more arrive. */
    public static List<ConsumerRecord<String, byte[]>> settle(EventProbe probe, String studentId, Duration quietFor) {
        return distinct(probe.settle(keyed(studentId), quietFor), studentId);
    }

    private static List<ConsumerRecord<String, byte[]>> distinct(List<ConsumerRecord<String, byte[]>> records,
                                                                 String studentId) {
        Map<String, ConsumerRecord<String, byte[]>> byId = new LinkedHashMap<>();
        records.stream().filter(keyed(studentId))
                .forEach(record -> byId.putIfAbsent(EventProbe.header(record, "ce_id"), record));
        return List.copyOf(byId.values());
    }
}
