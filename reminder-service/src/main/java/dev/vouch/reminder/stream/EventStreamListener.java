package dev.vouch.reminder.stream;

import dev.vouch.events.EventEnvelope;
import dev.vouch.events.Topics;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.messaging.InboundEvents;
import dev.vouch.reminder.derivation.Judgement;
import dev.vouch.reminder.ReminderProperties;
import dev.vouch.reminder.schedule.CatchUpGate;
import dev.vouch.reminder.store.MongoDerivationStore;
import dev.vouch.reminder.store.ReminderMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Consumes the three topics in batches: mentors and letters feed the projections and the rules;
 * {@code vouch.reminders} (this service's own output) tells which reminders were already fired and what the
 * student did with them, which is what a rebuild needs. One listener for all three, so a student's events of
 * every topic are handled by one consumer thread (same key, same partition number) and the stores have one
 * writer per student.
 */
@Component
class EventStreamListener implements ConsumerSeekAware {

    private final StreamDerivation derivation;
    private final MongoDerivationStore store;
    private final CatchUpGate gate;
    private final ReminderMetrics metrics;
    private final Clock clock;
    private final int consumers;

    EventStreamListener(StreamDerivation derivation, MongoDerivationStore store, CatchUpGate gate, ReminderMetrics metrics,
                        Clock clock, ReminderProperties properties) {
        this.consumers = properties.streamConsumers();
        this.derivation = derivation;
        this.store = store;
        this.gate = gate;
        this.metrics = metrics;
        this.clock = clock;
    }

    /*
     * Several consumer threads, so that one derives while another waits for its writes. The range assignor gives
     * each thread the same partitions of all three topics, so a student's events (keyed by student) all reach
     * one thread, as with one thread per instance.
     */
    @KafkaListener(topics = {Topics.MENTORS, Topics.LETTERS, Topics.REMINDERS}, containerFactory = "batchListenerFactory",
            concurrency = "#{__listener.consumers}",
            properties = "partition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        InboundEvents.handleBatch(records, events -> {
            try {
                apply(events);
            } catch (EventFailedException failed) {
                // Keep what came before the bad event; the kit retries that one and then dead-letters it alone.
                if (failed.index() > 0) {
                    apply(events.subList(0, failed.index()));
                }
                throw new BatchListenerFailedException(failed.getMessage(), failed.getCause(), failed.index());
            }
        });
    }

    /** The listener's consumer threads ({@code vouch.reminders.stream-consumers}). */
    public String getConsumers() {
        return String.valueOf(consumers);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        store.forgetCached(); // the projections of partitions owned elsewhere meanwhile may have changed
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        store.forgetCached();
    }

    private void apply(List<EventEnvelope<VouchEvent>> events) {
        Judgement.Outcome outcome = derivation.apply(events, clock.instant(), gate.isOpen());
        outcome.fired().forEach(metrics::fired);
        Instant applied = clock.instant();
        for (EventEnvelope<VouchEvent> event : events) {
            metrics.derivationLag(Duration.between(event.time(), applied));
        }
    }
}
