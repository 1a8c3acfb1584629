package dev.vouch.local;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real Keycloak for tests: the server distribution that the build unpacks from Maven Central
 * ({@code vouch.keycloak.home}), started in dev mode on a free loopback port with an in-memory database and the
 * given realm files imported, run by a JDK 21+ ({@link #javaHome()}). {@link #close()} stops it.
 */
final class KeycloakServer implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Keycloak without waiting for it: call {@link #awaitReady} before the first request. */
    static KeycloakServer start(List<Path> realmFiles) {
        Path home = home();
        Path javaHome = javaHome();
        int port = Ports.any();
        Path log = home.getParent().resolve("keycloak-" + port + ".log");
        try {
            Path imports = home.resolve("data").resolve("import");
            Files.createDirectories(imports);
            try (Stream<Path> old = Files.list(imports)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            for (Path realm : realmFiles) {
                Files.copy(realm, imports.resolve(realm.getFileName()));
            }
            List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                    "--import-realm", "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + Ports.any()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", javaHome.toString());
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            return new KeycloakServer(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + home, e);
        }
    }

    /** Until the realm (imported at start) answers its discovery document. */
    void awaitReady(String realm, Duration timeout) {
        await("Keycloak on port " + port + " (log: " + log + ")").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                return get(url("/realms/" + realm + "/.well-known/openid-configuration")).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** The issuer of a realm, as Keycloak writes it into that realm's tokens. */
    String issuer(String realm) {
        return url("/realms/" + realm);
    }

    /** An access token from the password grant of a realm's public {@code vouch-cli} client. */
    String passwordToken(String realm, String client, String user, String password) {
        return token(realm, Map.of("grant_type", "password", "client_id", client, "username", user, "password", password));
    }

    /** An access token from the client-credentials grant of a confidential client. */
    String clientToken(String realm, String client, String secret) {
        return token(realm, Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    /** The master realm's administrator, as the admin console gets it. */
    String adminToken() {
        return passwordToken("master", "admin-cli", ADMIN, ADMIN_PASSWORD);
    }

    /** Changes one attribute of a realm's client through the admin API (e.g. {@code access.token.lifespan}). */
    void setClientAttribute(String realm, String clientId, String attribute, String value) {
        String admin = adminToken();
        JsonNode clients = JSON.readTree(send(HttpRequest.newBuilder(URI.create(url("/admin/realms/" + realm + "/clients?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8)))).header("Authorization", "Bearer " + admin).GET(), 200));
        ObjectNode client = (ObjectNode) clients.get(0);
        ((ObjectNode) client.get("attributes")).put(attribute, value);
        send(HttpRequest.newBuilder(URI.create(url("/admin/realms/" + realm + "/clients/" + client.get("id").asString())))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))), 204);
    }

    /** The realm's signing keys (its JWK set). */
    JsonNode jwks(String realm) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url("/realms/" + realm + "/protocol/openid-connect/certs"))).GET(), 200));
    }

    private String token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String answer = send(HttpRequest.newBuilder(URI.create(url("/realms/" + realm + "/protocol/openid-connect/token")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)), 200);
        return JSON.readTree(answer).get("access_token").asString();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to " + response.request().uri()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The unpacked server distribution: set by the build (local-launcher's pom), or found under target/keycloak. */
    static Path home() {
        String configured = System.getProperty("vouch.keycloak.home");
        if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured, "bin", "kc.sh"))) {
            return Path.of(configured).toAbsolutePath();
        }
        try (Stream<Path> found = Files.list(Path.of("target", "keycloak"))) {
            return found.filter(dir -> Files.isExecutable(dir.resolve("bin").resolve("kc.sh"))).findFirst()
                    .map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("No Keycloak distribution in target/keycloak: run the "
                            + "local-launcher build to its pre-integration-test phase (./mvnw -pl local-launcher -am verify)"));
        } catch (IOException e) {
            throw new IllegalStateException("No Keycloak distribution in target/keycloak (" + e.getMessage()
                    + "): run ./mvnw -pl local-launcher -am verify", e);
        }
    }

    /**
     * Keycloak 26 wants Java 21 or newer, the services run on 17. Taken in this order: the system property
     * {@code vouch.keycloak.java-home}, {@code JAVA_HOME} if it is 21+, the JVM running the test if it is 21+, the
     * newest 21+ JDK in /usr/lib/jvm.
     */
    static Path javaHome() {
        String configured = System.getProperty("vouch.keycloak.java-home");
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            if (feature(home).orElse(0) < 21) {
                throw new IllegalStateException("vouch.keycloak.java-home=" + configured + " is not a JDK 21 or newer");
            }
            return home;
        }
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(h -> !h.isBlank()).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        for (Path home : candidates) {
            if (feature(home).orElse(0) >= 21) {
                return home;
            }
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> installed = Files.list(jvms)) {
                Optional<Path> newest = installed.filter(home -> feature(home).orElse(0) >= 21)
                        .max(Comparator.comparingInt(home -> feature(home).orElse(0)));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                // fall through to the message below
            }
        }
        throw new IllegalStateException("Keycloak needs a JDK 21 or newer and none was found: set -Dvouch.keycloak.java-home=..., "
                + "or JAVA_HOME to one, or install one in /usr/lib/jvm (.ci/run does)");
    }

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    /** The feature release of a JDK, from its {@code release} file. */
    static Optional<Integer> feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        try {
            Matcher matcher = VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
