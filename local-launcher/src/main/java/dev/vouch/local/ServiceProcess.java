package dev.vouch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One Vouch service as a child JVM running its executable jar under the {@code local} profile. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalOptions.ServiceSpec spec;
    private final Process process;
    private final Path log;

    private ServiceProcess(LocalOptions.ServiceSpec spec, Process process, Path log) {
        this.spec = spec;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(LocalOptions.ServiceSpec spec, LocalOptions options, String kafka, String mongoUri) {
        Path jar = options.servicesDir().resolve(spec.name() + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ": build first with ./mvnw -DskipTests package");
        }
        Path logs = options.dataDir().resolve("logs");
        Path log = logs.resolve(spec.name() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-jar", jar.toString(),
                "--spring.profiles.active=local",
                "--server.port=" + spec.port(),
                "--management.server.port=" + spec.managementPort(),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mongodb.uri=" + mongoUri,
                "--vouch.local.data-dir=" + options.dataDir(),
                "--vouch.local.parent-pid=" + ProcessHandle.current().pid()));
        if (options.externalIssuer()) {
            // The identity provider's tokens only: no /dev/token, no local key (the kit refuses the two together).
            command.add("--vouch.local.dev-tokens=false");
            command.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + options.issuerUri());
            if (options.jwkSetUri() != null) {
                command.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + options.jwkSetUri());
            }
        }
        command.addAll(options.extraServiceArgs());
        try {
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            return new ServiceProcess(spec, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + spec.name(), e);
        }
    }

    /** Waits until the service's readiness probe (Kafka and MongoDB included) answers UP. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI readiness = URI.create("http://localhost:" + spec.managementPort() + "/actuator/health/readiness");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + spec.name(), e);
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + spec.name(), e);
            }
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    LocalOptions.ServiceSpec spec() {
        return spec;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: Spring shuts down gracefully
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
