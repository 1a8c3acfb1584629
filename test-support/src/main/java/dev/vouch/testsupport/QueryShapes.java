package dev.vouch.testsupport;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shape of every query filter a service sends to MongoDB in a test JVM: per collection, the set of fields
 * each find, update, delete, find-and-modify and count filters on. A shape is served when it is exactly
 * {@code _id} or exactly the fields of a unique index of that collection: the only queries the in-process
 * server answers without scanning the collection (real MongoDB would use any index). Index tests list the
 * indexes each collection must have and check every shape recorded against them.
 */
public final class QueryShapes implements CommandListener {

    /** Everything recorded in this JVM, by "database.collection". */
    private static final Map<String, Set<Set<String>>> RECORDED = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        if (!command.containsKey(name) || !command.get(name).isString()) {
            return;
        }
        String collection = event.getDatabaseName() + "." + command.getString(name).getValue();
        switch (name) {
            case "find" -> record(collection, command.get("filter"));
            case "count", "findAndModify" -> record(collection, command.get("query"));
            case "update" -> statements(command, "updates").forEach(update -> record(collection, update.get("q")));
            case "delete" -> statements(command, "deletes").forEach(delete -> record(collection, delete.get("q")));
            default -> {
            }
        }
    }

    private static List<BsonDocument> statements(BsonDocument command, String field) {
        List<BsonDocument> statements = new ArrayList<>();
        BsonValue value = command.get(field);
        if (value instanceof BsonArray array) {
            array.forEach(element -> statements.add(element.asDocument()));
        }
        return statements;
    }

    private static void record(String collection, BsonValue filter) {
        RECORDED.computeIfAbsent(collection, c -> ConcurrentHashMap.newKeySet()).add(shape(filter));
    }

    /**
     * The fields a filter names at its top level, as the in-process server compares them with an index's keys;
     * an empty set is a whole-collection read. {@code $and} stays a field of its own: that server does not look
     * inside it, so {@code {$and: [{_id: ..}, {version: ..}]}} is a scan there even beside an {@code (_id, version)}
     * index.
     */
    static Set<String> shape(BsonValue filter) {
        Set<String> fields = new TreeSet<>();
        if (filter instanceof BsonDocument document) {
            fields.addAll(document.keySet());
        }
        return fields;
    }

    /** The shapes recorded so far for each collection of {@code database}. */
    public static Map<String, Set<Set<String>>> recorded(String database) {
        Map<String, Set<Set<String>>> shapes = new LinkedHashMap<>();
        RECORDED.forEach((key, value) -> {
            if (key.startsWith(database + ".")) {
                shapes.put(key.substring(database.length() + 1), Set.copyOf(value));
            }
        });
        return shapes;
    }

    /** The key sets of the collection's unique indexes, {@code _id} included. */
    public static Set<Set<String>> uniqueIndexes(MongoDatabase database, String collection) {
        Set<Set<String>> unique = new LinkedHashSet<>();
        unique.add(Set.of("_id"));
        for (Document index : database.getCollection(collection).listIndexes()) {
            if (Boolean.TRUE.equals(index.getBoolean("unique"))) {
                unique.add(new TreeSet<>(index.get("key", Document.class).keySet()));
            }
        }
        return unique;
    }

    /** Registers the recorder with the service's MongoDB client (imported by {@link VouchServiceTest}). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Recording {

        @Bean
        MongoClientSettingsBuilderCustomizer queryShapes() {
            return settings -> settings.addCommandListener(new QueryShapes());
        }
    }
}
