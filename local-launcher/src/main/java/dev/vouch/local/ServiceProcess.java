package dev.vouch.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Vouch service as a child JVM running its executable jar under the {@code local} profile, supervised: if
 * it exits while the stack runs, it is started again after a delay that doubles from 1 s to 30 s; after
 * {@link LocalOptions#maxRestarts()} failures in a row (a run that stayed up a minute clears the count) it is
 * given up, with a message saying so. Its log collects every run's output.
 */
final class ServiceProcess implements AutoCloseable {

    enum State { STARTING, UP, RESTARTING, FAILED, STOPPED }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STABLE = Duration.ofMinutes(1);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final LocalOptions.ServiceSpec spec;
    private final LocalOptions options;
    private final List<String> command;
    private final Path log;
    private final PrintStream console;

    private Process process;
    private State state = State.STOPPED;
    private Instant upSince;
    private int failuresInARow;
    private int restarts;
    private Integer lastExitCode;

    private ServiceProcess(LocalOptions.ServiceSpec spec, LocalOptions options, List<String> command, Path log, PrintStream console) {
        this.spec = spec;
        this.options = options;
        this.command = command;
        this.log = log;
        this.console = console;
    }

    static ServiceProcess start(LocalOptions.ServiceSpec spec, LocalOptions options, String kafka, String mongoUri) {
        Path jar = options.servicesDir().resolve(spec.name() + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ": build first with ./mvnw -DskipTests package");
        }
        Path logs = options.dataDir().resolve("logs");
        Path log = logs.resolve(spec.id() + ".log");
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
                "--vouch.local.parent-pid=" + ProcessHandle.current().pid(),
                // A killed instance's partitions go to the others (or to its restart) after 10 s, not Kafka's 45.
                "--spring.kafka.consumer.properties.session.timeout.ms=10000"));
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
            Files.deleteIfExists(log); // one log per stack run; restarts within it append
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceProcess service = new ServiceProcess(spec, options, List.copyOf(command), log, System.out);
        service.launch();
        return service;
    }

    private synchronized void launch() {
        try {
            Process started = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            process = started;
            state = State.STARTING;
            upSince = null;
            started.onExit().thenAccept(this::exited);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + spec.id(), e);
        }
    }

    /** Waits until the service's readiness probe (Kafka and MongoDB included) answers UP. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI readiness = URI.create("http://localhost:" + spec.managementPort() + "/actuator/health/readiness");
        Process watched = current();
        while (System.nanoTime() < deadline) {
            if (!watched.isAlive()) {
                throw new IllegalStateException(spec.id() + " exited with code " + watched.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    ready(watched);
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + spec.id(), e);
            }
            try {
                watched.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + spec.id(), e);
            }
        }
        throw new IllegalStateException(spec.id() + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    private synchronized void ready(Process watched) {
        if (watched == process && state == State.STARTING) {
            state = State.UP;
            upSince = Instant.now();
            if (restarts > 0 && failuresInARow > 0) {
                console.println("[vouch] " + spec.id() + " is up again (pid " + watched.pid() + ", restart " + restarts + ")");
            }
        }
    }

    private void exited(Process ended) {
        Duration delay;
        synchronized (this) {
            if (ended != process || state == State.STOPPED) {
                return; // stopped on purpose, or an earlier run
            }
            lastExitCode = ended.exitValue();
            if (upSince != null && Duration.between(upSince, Instant.now()).compareTo(STABLE) >= 0) {
                failuresInARow = 0;
            }
            failuresInARow++;
            if (failuresInARow > options.maxRestarts()) {
                state = State.FAILED;
                console.println("[vouch] " + spec.id() + " exited " + failuresInARow + " times in a row (last exit code "
                        + lastExitCode + "); giving up on it. See " + log + ". The rest of the stack keeps running;"
                        + " restart the stack once the cause is fixed.");
                return;
            }
            long seconds = Math.min(MAX_DELAY.toSeconds(), 1L << Math.min(failuresInARow - 1, 5));
            delay = Duration.ofSeconds(seconds);
            state = State.RESTARTING;
            console.println("[vouch] " + spec.id() + " exited unexpectedly (exit code " + lastExitCode + "); restarting in "
                    + seconds + " s (" + failuresInARow + " of at most " + options.maxRestarts() + " in a row). See " + log);
        }
        Thread restart = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (state != State.RESTARTING) {
                    return; // stopped meanwhile
                }
                restarts++;
                launch();
            }
            try {
                awaitReady(READY_TIMEOUT);
            } catch (RuntimeException e) {
                console.println("[vouch] " + spec.id() + " did not come up: " + e.getMessage());
            }
        }, "restart-" + spec.id());
        restart.setDaemon(true);
        restart.start();
    }

    /** Stops the service on purpose (no restart follows); see {@link #startAgain()}. */
    void stop() {
        Process running;
        synchronized (this) {
            state = State.STOPPED;
            running = process;
        }
        if (running != null && running.isAlive()) {
            running.destroy(); // SIGTERM: Spring shuts down gracefully
            try {
                if (!running.waitFor(20, TimeUnit.SECONDS)) {
                    running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.destroyForcibly();
            }
        }
    }

    /** Starts a stopped (or given-up) service again and waits until it is ready. */
    void startAgain() {
        synchronized (this) {
            if (state == State.UP || state == State.STARTING) {
                return;
            }
            failuresInARow = 0;
            launch();
        }
        awaitReady(READY_TIMEOUT);
        console.println("[vouch] " + spec.id() + " started (pid " + pid() + ")");
    }

    private synchronized Process current() {
        return process;
    }

    synchronized State state() {
        return state;
    }

    synchronized int restarts() {
        return restarts;
    }

    synchronized Integer lastExitCode() {
        return lastExitCode;
    }

    LocalOptions.ServiceSpec spec() {
        return spec;
    }

    synchronized long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        stop();
    }
}
