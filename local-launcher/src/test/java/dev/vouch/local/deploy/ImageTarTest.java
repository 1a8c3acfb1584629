package dev.vouch.local.deploy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static dev.vouch.local.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the container image Jib built for each service, from the tar the {@code image-check} profile writes:
 * <pre>./mvnw -B -Pimage-check package -pl mentor-service,request-service,reminder-service,local-launcher -am \
 *   -Dtest='dev.vouch.local.deploy.*Test' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * (or with any wider build: the profile writes the tars in each service's {@code package} phase).
 * That build uses an empty (scratch) base so it needs no registry; what is checked is what Vouch adds on top of
 * the JRE base: the layers (classes, resources, dependencies) and the configuration (entrypoint running the
 * service's main class, ports, non-root user). Without the profile the tars do not exist and this test is
 * skipped; with it (system property vouch.image-check=required) a missing tar fails.
 */
class ImageTarTest {

    private static final String CLASSPATH_FILE = "app/jib-classpath-file";
    private static final String MAIN_CLASS_FILE = "app/jib-main-class-file";

    private final Path root = DeployFiles.repoRoot();

    @ParameterizedTest
    @ValueSource(strings = {"mentor-service", "request-service", "reminder-service"})
    void theImageRunsTheServiceMainClassFromItsOwnLayers(String service) throws IOException {
        Path tar = root.resolve(service).resolve("target/jib-image.tar");
        if (!Files.isRegularFile(tar)) {
            assertThat(System.getProperty("vouch.image-check")).as("%s was not built by the image-check profile", tar)
                    .isNotEqualTo("required");
            Assumptions.abort("No " + root.relativize(tar) + ": build it with -Pimage-check (see this class)");
        }
        String mainClass = mainClass(root.resolve(service).resolve("src/main/java"));
        Image image = Image.read(tar);

        JsonNode manifest = DeployFiles.jsonText(image.files.get("manifest.json")).path(0);
        assertThat(manifest.path("RepoTags").values()).extracting(JsonNode::asString)
                .containsExactly("vouch/" + service + ":" + projectVersion());
        JsonNode config = DeployFiles.jsonText(image.files.get(manifest.path("Config").asString())).path("config");

        List<String> entrypoint = config.path("Entrypoint").values().stream().map(JsonNode::asString).toList();
        assertThat(entrypoint).as("entrypoint").startsWith("java").endsWith("-cp", "@/" + CLASSPATH_FILE, mainClass);
        assertThat(config.path("Cmd").values()).as("no arguments replace the main class's").isEmpty();
        String user = config.path("User").asString("");
        assertThat(user).as("runs as a non-root user").isNotBlank().doesNotStartWith("0").isNotEqualTo("root");

        Map<String, Object> settings = DeployFiles.springSettings(root.resolve(service).resolve("src/main/resources/application.yml"));
        Object serverPort = map(settings.get("server")).get("port");
        Object managementPort = map(map(settings.get("management")).get("server")).get("port");
        assertThat(config.path("ExposedPorts").propertyStream().map(Map.Entry::getKey))
                .as("exposes the API and management ports of application.yml")
                .contains(serverPort + "/tcp", managementPort + "/tcp");

        assertThat(manifest.path("Layers").values()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(image.layerEntries).as("the service's classes and configuration are in the image")
                .contains("app/classes/" + mainClass.replace('.', '/') + ".class", "app/resources/application.yml");
        assertThat(image.layerEntries).as("the shared kit and event contracts are in the image")
                .anyMatch(entry -> entry.startsWith("app/libs/service-kit-") && entry.endsWith(".jar"))
                .anyMatch(entry -> entry.startsWith("app/libs/common-events-") && entry.endsWith(".jar"))
                .anyMatch(entry -> entry.startsWith("app/libs/spring-boot-") && entry.endsWith(".jar"));
        assertThat(image.layerEntries).as("no test code in the image")
                .noneMatch(entry -> entry.startsWith("app/libs/test-support-") || entry.startsWith("app/libs/junit-"));

        assertThat(image.files.get(MAIN_CLASS_FILE).strip()).isEqualTo(mainClass);
        List<String> classpath = List.of(image.files.get(CLASSPATH_FILE).strip().split(":"));
        assertThat(classpath).contains("/app/classes", "/app/resources");
        assertThat(classpath).as("every classpath entry is in a layer")
                .allSatisfy(entry -> assertThat(image.layerEntries).contains(entry.substring(1)));
    }

    /** The class annotated @SpringBootApplication: the one the service is started from. */
    static String mainClass(Path sources) throws IOException {
        Pattern packageLine = Pattern.compile("(?m)^package\\s+([\\w.]+);");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (source.contains("@SpringBootApplication")) {
                    Matcher pkg = packageLine.matcher(source);
                    String simpleName = file.getFileName().toString().replace(".java", "");
                    found.add(pkg.find() ? pkg.group(1) + "." + simpleName : simpleName);
                }
            }
        }
        assertThat(found).as("one @SpringBootApplication class in %s", sources).hasSize(1);
        return found.get(0);
    }

    private String projectVersion() {
        Matcher version = Pattern.compile("<artifactId>vouch</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(DeployFiles.text(root.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    /** The Docker-format tar Jib writes: manifest.json, config.json and gzipped layer tars. */
    private static final class Image {
        final Map<String, String> files = new HashMap<>();
        final TreeSet<String> layerEntries = new TreeSet<>();

        static Image read(Path tar) throws IOException {
            Image image = new Image();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(tar))) {
                Tar.forEach(in, (name, content) -> {
                    if (name.endsWith(".json")) {
                        image.files.put(name, new String(content.readAllBytes(), StandardCharsets.UTF_8));
                    } else if (name.endsWith(".tar.gz")) {
                        Tar.forEach(new GZIPInputStream(content), (entry, entryContent) -> {
                            String path = entry.replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", "");
                            image.layerEntries.add(path);
                            if (path.equals(CLASSPATH_FILE) || path.equals(MAIN_CLASS_FILE)) {
                                image.files.put(path, new String(entryContent.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        });
                    }
                });
            }
            return image;
        }
    }

    /** Just enough of the tar format (ustar, PAX and GNU long names) to list entries and read small ones. */
    static final class Tar {

        interface Entry {
            void accept(String name, InputStream content) throws IOException;
        }

        static void forEach(InputStream in, Entry visitor) throws IOException {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512 && !isZero(header)) {
                String name = text(header, 0, 100);
                String prefix = text(header, 257, 6).startsWith("ustar") ? text(header, 345, 155) : "";
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(text(header, 124, 12).strip().isEmpty() ? "0" : text(header, 124, 12).strip(), 8);
                char type = (char) header[156];
                Bounded content = new Bounded(in, size);
                if (type == 'x') {
                    Matcher path = Pattern.compile("\\d+ path=([^\n]*)\n")
                            .matcher(new String(content.readAllBytes(), StandardCharsets.UTF_8));
                    longName = path.find() ? path.group(1) : longName;
                } else if (type == 'L') {
                    longName = new String(content.readAllBytes(), StandardCharsets.UTF_8).replace("\0", "");
                } else if (type != 'g') {
                    visitor.accept(longName != null ? longName : name, content);
                    longName = null;
                }
                content.skipRest();
                in.skipNBytes((512 - size % 512) % 512);
            }
        }

        private static boolean isZero(byte[] block) {
            for (byte b : block) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        private static String text(byte[] header, int offset, int length) {
            int end = offset;
            while (end < offset + length && header[end] != 0) {
                end++;
            }
            return new String(header, offset, end - offset, StandardCharsets.UTF_8);
        }
    }

    /** One entry's bytes within the enclosing tar stream. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long remaining;

        Bounded(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        void skipRest() throws IOException {
            in.skipNBytes(remaining);
            remaining = 0;
        }
    }
}
