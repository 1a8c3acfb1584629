package dev.vouch.kit.messaging;

import dev.vouch.events.EventType;
import dev.vouch.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of the event flow. Tags are the event name, the topic and an outcome: never an id, so the
 * number of series stays small whatever the traffic.
 */
public class EventMetrics {

    public static final String PUBLISHED = "vouch.events.published";
    public static final String CONSUMED = "vouch.events.consumed";
    public static final String DEAD_LETTERS = "vouch.events.dead.letters";

    private final MeterRegistry registry;

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every dead-letter series exists at 0 from the start: a counter first registered at its first increment
        // has no earlier sample, so increase() and rate() would not see that first dead letter.
        for (EventType type : EventType.values()) {
            deadLetterCounter(type.topic(), type.ceType());
        }
        for (String topic : Topics.ALL) {
            deadLetterCounter(topic, null);
        }
    }

    public void published(String ceType, boolean success) {
        counter(PUBLISHED, "Events sent to Kafka by the outbox relay", ceType, success ? "success" : "failure").increment();
    }

    public void consumed(String ceType, String outcome) {
        counter(CONSUMED, "Events handled by this service's listeners", ceType, outcome).increment();
    }

    public void deadLettered(String topic, String ceType) {
        deadLetterCounter(topic, ceType).increment();
    }

    private Counter deadLetterCounter(String topic, String ceType) {
        return Counter.builder(DEAD_LETTERS)
                .description("Records sent to a dead-letter topic")
                .tag("topic", topic)
                .tag("type", eventName(ceType))
                .register(registry);
    }

    private Counter counter(String name, String description, String ceType, String outcome) {
        return Counter.builder(name)
                .description(description)
                .tag("type", eventName(ceType))
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Known types by name; anything else folds into one value so a bad producer cannot explode the series. */
    static String eventName(String ceType) {
        return EventType.fromCeType(ceType).map(EventType::eventName).orElse("unknown");
    }
}
