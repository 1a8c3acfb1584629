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
 * each find, update, delete, find-and-modify and count filters on; a field's condition other than a value is
 * marked: an upper bound ({@code $lt} or {@code $lte}) as {@link #upTo(String) such}, a list ({@code $in}) as
 * {@link #in(String) such}, any other as {@link #condition(String) such}. A shape is served
 * when it names a single-field unique index's field by a list ({@code _id $in} among them), or a unique index's
 * leading fields by value (whatever else it names), or an upper bound on its first
 * field or on the one after the leading fields it names: the queries the local stack's store answers from an
 * index, reading only that stretch of it (real MongoDB would use any index). Values' types are not seen: the store
 * serves leading keys by string values and bounds by dates, which are what Vouch's keys hold.
 * Index tests list the indexes each collection must have and check every shape recorded against them.
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
            document.forEach((field, condition) -> fields.add(isUpperBound(condition) ? upTo(field)
                    : isList(condition) ? in(field) : isOperator(condition) ? condition(field) : field));
        }
        return fields;
    }

    /** How a shape names an upper bound on {@code field}. */
    public static String upTo(String field) {
        return field + " (up to)";
    }

    /** How a shape names a list of values ({@code $in}) for {@code field}. */
    public static String in(String field) {
        return field + " (in)";
    }

    /** How a shape names any other condition ({@code $exists}, {@code $gte}, ...) on {@code field}. */
    public static String condition(String field) {
        return field + " (condition)";
    }

    private static boolean isOperator(BsonValue condition) {
        return condition instanceof BsonDocument operators && !operators.isEmpty()
                && operators.keySet().stream().allMatch(key -> key.startsWith("$"));
    }

    private static boolean isList(BsonValue condition) {
        return condition instanceof BsonDocument operators && operators.size() == 1 && operators.containsKey("$in");
    }

    private static boolean isUpperBound(BsonValue condition) {
        return condition instanceof BsonDocument operators && operators.size() == 1
                && (operators.containsKey("$lt") || operators.containsKey("$lte"));
    }

    /** Whether a shape is served by one of the collection's unique indexes, as the class describes. */
    public static boolean isServed(MongoDatabase database, String collection, Set<String> shape) {
        return isServed(uniqueIndexKeys(database, collection), shape);
    }

    /** Whether a shape is served by one of these unique indexes (each its keys in order). */
    static boolean isServed(List<List<String>> uniqueIndexKeys, Set<String> shape) {
        for (List<String> keys : uniqueIndexKeys) {
            if (keys.size() == 1 && shape.equals(Set.of(in(keys.get(0))))) {
                return true;
            }
            int leading = 0;
            while (leading < keys.size() && shape.contains(keys.get(leading))) {
                leading++;
            }
            if (leading > 0 || (leading < keys.size() && shape.contains(upTo(keys.get(leading))))) {
                return true;
            }
        }
        return false;
    }

    /** The keys of the collection's unique indexes, in their order, {@code _id} included. */
    static List<List<String>> uniqueIndexKeys(MongoDatabase database, String collection) {
        List<List<String>> unique = new ArrayList<>();
        unique.add(List.of("_id"));
        for (Document index : database.getCollection(collection).listIndexes()) {
            if (Boolean.TRUE.equals(index.getBoolean("unique"))) {
                unique.add(List.copyOf(index.get("key", Document.class).keySet()));
            }
        }
        return unique;
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
