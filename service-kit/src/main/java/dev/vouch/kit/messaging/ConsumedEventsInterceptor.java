package dev.vouch.kit.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Counts consumed events by type and outcome ({@code success}, {@code skipped} for a type the service does not
 * know, {@code failure}, {@code batch_failure}; {@code dead_lettered} comes from the error handler), for record
 * and batch listeners alike.
 */
public class ConsumedEventsInterceptor implements RecordInterceptor<Object, Object>, BatchInterceptor<Object, Object> {

    private final EventMetrics metrics;

    public ConsumedEventsInterceptor(EventMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        metrics.consumed(InboundEvents.ceType(record), outcome(record));
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        metrics.consumed(InboundEvents.ceType(record), "failure");
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        records.forEach(record -> metrics.consumed(InboundEvents.ceType(record), outcome(record)));
    }

    /** A record the listener got through without a known type was a well-formed event it skipped. */
    private static String outcome(ConsumerRecord<?, ?> record) {
        return InboundEvents.handles(InboundEvents.ceType(record)) ? "success" : "skipped";
    }

    @Override
    public void failure(ConsumerRecords<Object, Object> records, Exception exception, Consumer<Object, Object> consumer) {
        metrics.consumed(null, "batch_failure");
    }
}
