package dev.vouch.benchmark;

import dev.vouch.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * From a letter request's 201 to its {@code DeadlineApproaching} on {@code vouch.reminders}: letters due in five
 * days are requested at a fixed rate (open loop), and a subscriber on the topic notes when each one's event arrives.
 */
final class DeadlineLatency {

    private DeadlineLatency() {
    }

    /** The students' tokens and mentors the letters are asked of, one mentor per student. */
    record Students(List<String> tokens, List<String> mentors) {
    }

    /** The whole way, and its stages by the clocks on the way (milliseconds of the same machine's wall clock). */
    record Result(Samples total, Map<String, Samples> stages) {
    }

    /** When one letter passed each point, in epoch milliseconds. */
    private static final class Passage {
        volatile long answered;
        volatile long requestedOnTopic;
        volatile long fired;
        volatile long reminderOnTopic;
        volatile long arrived;
    }

    static Result measure(String requestApi, String bootstrap, Students students, int perSecond, Duration duration) {
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        Map<String, Passage> passages = new ConcurrentHashMap<>();
        AtomicBoolean listening = new AtomicBoolean(true);
        AtomicBoolean ready = new AtomicBoolean();
        Thread subscriber = new Thread(() -> subscribe(bootstrap, arrived, passages, listening, ready), "deadline-subscriber");
        subscriber.start();
        while (!ready.get()) {
            LocalStackProcess.pause(50);
        }
        ExecutorService senders = Executors.newFixedThreadPool(32);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long total = (long) perSecond * duration.toSeconds();
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            long n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            int who = (int) (n % students.tokens().size());
            senders.execute(() -> {
                try {
                    HttpResponse<String> response = Api.post(requestApi + "/api/v1/letters", students.tokens().get(who),
                            Api.letterBody(students.mentors().get(who), Instant.now().plus(Duration.ofDays(5))));
                    long at = System.nanoTime();
                    long wall = System.currentTimeMillis();
                    if (response.statusCode() == 201) {
                        String letterId = Api.read(response.body()).get("id").asString();
                        answered.put(letterId, at);
                        passages.computeIfAbsent(letterId, id -> new Passage()).answered = wall;
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
            });
        }, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            LocalStackProcess.pause(100);
        }
        ticker.shutdownNow();
        senders.shutdown();
        try {
            senders.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < waitUntil && !arrived.keySet().containsAll(answered.keySet())) {
            LocalStackProcess.pause(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        listening.set(false);
        try {
            subscriber.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long[] nanos = new long[answered.size()];
        int count = 0;
        long missing = failed.get();
        for (Map.Entry<String, Long> letter : answered.entrySet()) {
            Long at = arrived.get(letter.getKey());
            if (at == null) {
                missing++;
            } else {
                nanos[count++] = Math.max(0, at - letter.getValue());
            }
        }
        Map<String, Samples> stages = new LinkedHashMap<>();
        stages.put("201 -> LetterRequested on vouch.letters (request-service's outbox)",
                stage(passages, answered.keySet(), p -> p.requestedOnTopic - p.answered, seconds));
        stages.put("-> DeadlineApproaching fired (reminder-service: consumer, derivation, firing)",
                stage(passages, answered.keySet(), p -> p.fired - p.requestedOnTopic, seconds));
        stages.put("-> DeadlineApproaching on vouch.reminders (reminder-service's outbox)",
                stage(passages, answered.keySet(), p -> p.reminderOnTopic - p.fired, seconds));
        stages.put("-> at the subscriber", stage(passages, answered.keySet(), p -> p.arrived - p.reminderOnTopic, seconds));
        return new Result(Samples.of(nanos, count, missing, seconds), stages);
    }

    private static Samples stage(Map<String, Passage> passages, Set<String> letters,
                                 ToLongFunction<Passage> millis, double seconds) {
        long[] nanos = new long[letters.size()];
        int count = 0;
        for (String letter : letters) {
            Passage p = passages.get(letter);
            if (p != null && p.answered > 0 && p.requestedOnTopic > 0 && p.fired > 0 && p.reminderOnTopic > 0 && p.arrived > 0) {
                nanos[count++] = Math.max(0, millis.applyAsLong(p)) * 1_000_000L;
            }
        }
        return Samples.of(nanos, count, letters.size() - count, seconds);
    }

    private static void subscribe(String bootstrap, Map<String, Long> arrived, Map<String, Passage> passages,
                                  AtomicBoolean listening, AtomicBoolean ready) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = Stream.of(Topics.REMINDERS, Topics.LETTERS)
                    .flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            ready.set(true);
            while (listening.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    Header type = record.headers().lastHeader("ce_type");
                    String typeName = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
                    if (typeName.equals("dev.vouch.LetterRequested.v1")) {
                        String letterId = Api.read(new String(record.value(), StandardCharsets.UTF_8)).get("letterId").asString();
                        passages.computeIfAbsent(letterId, id -> new Passage()).requestedOnTopic = record.timestamp();
                    } else if (typeName.equals("dev.vouch.DeadlineApproaching.v1")) {
                        long at = System.nanoTime();
                        long wall = System.currentTimeMillis();
                        String letterId = Api.read(new String(record.value(), StandardCharsets.UTF_8)).get("letterId").asString();
                        if (arrived.putIfAbsent(letterId, at) == null) {
                            Passage passage = passages.computeIfAbsent(letterId, id -> new Passage());
                            Header time = record.headers().lastHeader("ce_time");
                            passage.fired = time == null ? 0 : Instant.parse(new String(time.value(), StandardCharsets.UTF_8)).toEpochMilli();
                            passage.reminderOnTopic = record.timestamp();
                            passage.arrived = wall;
                        }
                    }
                }
            }
        }
    }
}
