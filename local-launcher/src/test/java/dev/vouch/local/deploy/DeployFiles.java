package dev.vouch.local.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The repository's deployment files, read the way the deploy checks need them. */
final class DeployFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeployFiles() {
    }

    /** The repository root: tests run in the module folder, so it is the parent that holds docker-compose.yml. */
    static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No docker-compose.yml with a deploy/ folder above " + here);
    }

    /** Parses YAML with merge keys (<<) resolved; only plain data types, never arbitrary classes. */
    static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(document instanceof Map<?, ?>)) {
                throw new IllegalStateException(file + " is not a YAML mapping");
            }
            return map(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Spring Boot application.yml: its documents merged in order, later ones winning, as Spring reads a file whose
     * documents have no profile condition (the first imports the kit's defaults).
     */
    static Map<String, Object> springSettings(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                merge(merged, map(document));
            }
            return merged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(Map<String, Object> into, Map<String, Object> document) {
        document.forEach((key, value) -> {
            if (value instanceof Map<?, ?> && into.get(key) instanceof Map<?, ?>) {
                merge(map(into.get(key)), map(value));
            } else {
                into.put(key, value instanceof Map<?, ?> ? new LinkedHashMap<>(map(value)) : value);
            }
        });
    }

    static JsonNode json(Path file) {
        return JSON.readTree(file);
    }

    static JsonNode jsonText(String json) {
        return JSON.readTree(json);
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
