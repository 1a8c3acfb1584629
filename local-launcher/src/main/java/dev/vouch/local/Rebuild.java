package dev.vouch.local;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Rebuilds a service's projections from the topics: empties them and moves the service's consumer group to the
 * earliest offsets of every topic it reads (Kafka Admin API). The service must be stopped (a group with members
 * cannot be moved); started again, it reads everything from the beginning. Works the same on the local stack
 * and on a real Kafka and MongoDB.
 */
final class Rebuild {

    /** What a service derives from the topics: its consumer group (the service's name), the topics, the collections. */
    record Projections(String service, List<String> topics, List<String> collections) {
    }

    static final Map<String, Projections> SERVICES = Map.of(
            "mentor-service", new Projections("mentor-service", List.of("vouch.letters"), List.of("mentor_letters")),
            "request-service", new Projections("request-service", List.of("vouch.mentors"), List.of("mentor_directory")),
            "reminder-service", new Projections("reminder-service", List.of("vouch.mentors", "vouch.letters", "vouch.reminders"),
                    List.of("letters", "mentors", "targets", "students", "reminders", "reminder_schedule")));

    private static final Duration GROUP_EMPTY_TIMEOUT = Duration.ofSeconds(60);

    private Rebuild() {
    }

    static Projections of(String service) {
        Projections projections = SERVICES.get(service);
        if (projections == null) {
            throw new IllegalArgumentException("No projections to rebuild for '" + service + "' (one of " + SERVICES.keySet().stream().sorted().toList() + ")");
        }
        return projections;
    }

    /** Empties the projections and resets the group; {@code mongoUri} names the service's database. */
    static void run(Projections projections, String bootstrapServers, String mongoUri, PrintStream out) {
        String group = projections.service();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000"))) {
            awaitNoMembers(admin, group);
            ConnectionString connection = new ConnectionString(mongoUri);
            String database = connection.getDatabase() != null ? connection.getDatabase() : LocalOptions.databaseOf(group);
            try (MongoClient client = MongoClients.create(connection)) {
                MongoDatabase db = client.getDatabase(database);
                List<String> existing = db.listCollectionNames().into(new java.util.ArrayList<>());
                for (String collection : projections.collections()) {
                    if (!existing.contains(collection)) {
                        continue;
                    }
                    long documents = db.getCollection(collection).countDocuments();
                    db.getCollection(collection).drop();
                    out.println("  dropped " + database + "." + collection + " (" + documents + " documents)");
                }
            }
            Map<TopicPartition, OffsetAndMetadata> earliest = earliestOffsets(admin, projections.topics());
            admin.alterConsumerGroupOffsets(group, earliest).all().get();
            out.println("  consumer group " + group + " moved to the earliest offsets of " + earliest.size()
                    + " partitions (" + String.join(", ", projections.topics()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** A consumer that closed cleanly has left at once; one that was killed stays a member until its session times out. */
    private static void awaitNoMembers(Admin admin, String group) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + GROUP_EMPTY_TIMEOUT.toNanos();
        while (true) {
            int members;
            try {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
                members = description.members().size();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    return;
                }
                throw e;
            }
            if (members == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The consumer group " + group + " still has " + members
                        + " members: stop every instance of " + group + " first");
            }
            Thread.sleep(500);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> earliestOffsets(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> request.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest()));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(request).all().get();
        Map<TopicPartition, OffsetAndMetadata> earliest = new HashMap<>();
        offsets.forEach((partition, info) -> earliest.put(partition, new OffsetAndMetadata(info.offset())));
        return earliest;
    }
}
