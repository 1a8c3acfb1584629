package dev.vouch.request.mentor;

import dev.vouch.events.Topics;
import dev.vouch.kit.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Feeds the mentor directory from {@code vouch.mentors}, a poll at a time, in one bulk write per poll. */
@Component
class MentorEventsListener {

    private final MentorDirectory directory;

    MentorEventsListener(MentorDirectory directory) {
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.MENTORS, containerFactory = "batchListenerFactory")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        InboundEvents.handleBatch(records, events -> directory.record(events.stream()
                .map(MentorChange::of)
                .flatMap(Optional::stream)
                .toList()));
    }
}
