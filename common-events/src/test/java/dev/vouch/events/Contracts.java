package dev.vouch.events;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates and reads the contract files (golden examples, schemas) of each event type. */
final class Contracts {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String GOLDEN = "golden";
    static final String GOLDEN_ARCHIVE = "golden-archive";
    static final String SCHEMAS = "schemas";

    private Contracts() {
    }

    /** {@code MentorAdded.v1}: the ce type without its {@code dev.vouch.} prefix. */
    static String versionedName(EventType type) {
        return type.eventName() + ".v" + type.majorVersion();
    }

    static String goldenPath(EventType type) {
        return GOLDEN + "/" + versionedName(type) + ".json";
    }

    static String schemaPath(EventType type) {
        return SCHEMAS + "/" + versionedName(type) + ".schema.json";
    }

    static boolean exists(String resource) {
        return Contracts.class.getClassLoader().getResource(resource) != null;
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String resource) {
        return JSON.readTree(bytes(resource));
    }

    static JsonNode golden(EventType type) {
        return tree(goldenPath(type));
    }

    static JsonNode schema(EventType type) {
        return tree(schemaPath(type));
    }

    /** The file names in a resource folder (a directory on the test classpath). */
    static List<String> fileNames(String folder) {
        URL url = Contracts.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
