package dev.vouch.kit.messaging;

import dev.vouch.events.EventDecodingException;
import dev.vouch.events.Topics;
import dev.vouch.kit.config.VouchProperties;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one error policy of every listener: blocking retries with exponential back-off, then the record goes
 * to {@code <topic>-dlt} with the failure in {@code kafka_dlt-exception-*} headers, and the partition moves
 * on. Records that are not Vouch events are not retried: they cannot get better.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, EventMetrics metrics,
                                                   VouchProperties.Consumer settings) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(settings.initialBackOff().toMillis(), 2.0);
        backOff.setMaxInterval(settings.maxBackOff().toMillis());
        backOff.setMaxAttempts(Math.max(0, settings.attempts() - 1));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            String ceType = InboundEvents.ceType(record);
            log.error("Dead-lettering {} ({}): {}", InboundEvents.position(record), ceType, rootMessage(exception));
            recoverer.accept(record, exception);
            metrics.deadLettered(record.topic(), ceType);
            metrics.consumed(ceType, "dead_lettered");
        }, backOff);
        handler.addNotRetryableExceptions(EventDecodingException.class);
        handler.setCommitRecovered(true);
        return handler;
    }

    private static String rootMessage(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
