package dev.vouch.benchmark;

import tools.jackson.databind.JsonNode;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack as users start it: the launcher's jar in its own JVM (Kafka and the Mongo wire server inside,
 * with the heap limit {@code run-local.sh} sets), which starts the three services as its children. On ports of
 * their own, with a fresh data folder, so a stack already running on the defaults is left alone.
 */
final class LocalStackProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int kafkaPort;
    final int mongoPort;
    final int launcherPort;
    final Map<String, int[]> ports = new LinkedHashMap<>(); // service -> {api, management}
    final Path dataDir;
    private final Process process;

    private LocalStackProcess(Path dataDir, int base, Process process) {
        this.dataDir = dataDir;
        this.process = process;
        this.kafkaPort = base + 92;
        this.mongoPort = base + 17;
        this.launcherPort = base + 80;
        ports.put("mentor-service", new int[] {base + 81, base + 91});
        ports.put("request-service", new int[] {base + 82, base + 93});
        ports.put("reminder-service", new int[] {base + 83, base + 94});
    }

    static LocalStackProcess start(Path launcherJar, Path dataDir, int base, String heap) {
        if (!Files.isRegularFile(launcherJar)) {
            throw new IllegalStateException("Missing " + launcherJar + ": build first (see docs/performance.md)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", launcherJar.toString(),
                "--data-dir=" + dataDir,
                "--kafka-port=" + (base + 92), "--kafka-controller-port=" + (base + 95),
                "--mongo-port=" + (base + 17), "--launcher-port=" + (base + 80),
                "--mentor-port=" + (base + 81), "--mentor-management-port=" + (base + 91),
                "--request-port=" + (base + 82), "--request-management-port=" + (base + 93),
                "--reminder-port=" + (base + 83), "--reminder-management-port=" + (base + 94)));
        try {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("launcher.log").toFile()).start();
            LocalStackProcess stack = new LocalStackProcess(dataDir, base, process);
            stack.awaitReady(Duration.ofMinutes(4));
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String service : ports.keySet()) {
            while (!ready(service)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The launcher exited; see " + dataDir.resolve("launcher.log"));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service + " not ready; see " + dataDir.resolve("logs"));
                }
                pause(500);
            }
        }
    }

    private boolean ready(String service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(management(service) + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String api(String service) {
        return "http://localhost:" + ports.get(service)[0];
    }

    String management(String service) {
        return "http://localhost:" + ports.get(service)[1];
    }

    String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    String mongoUri(String database) {
        return "mongodb://localhost:" + mongoPort + "/" + database;
    }

    long launcherPid() {
        return process.pid();
    }

    /** The launcher and each service it started, by name, with their resident memory in bytes. */
    Map<String, Long> residentMemory() {
        return byProcess("launcher (Kafka + MongoDB)", LocalStackProcess::rss);
    }

    /** The launcher and each service it started, by name, with the CPU time each has used so far, in seconds. */
    Map<String, Double> cpuSeconds() {
        return byProcess("launcher", LocalStackProcess::cpuSeconds);
    }

    /** One reading of the launcher (under {@code launcherName}) and of each service it started, by name. */
    private <T> Map<String, T> byProcess(String launcherName, LongFunction<T> reading) {
        Map<String, T> readings = new LinkedHashMap<>();
        readings.put(launcherName, reading.apply(process.pid()));
        process.toHandle().children().forEach(child -> {
            String command = child.info().commandLine().orElse("");
            String name = ports.keySet().stream().filter(command::contains).findFirst().orElse("pid " + child.pid());
            readings.put(name, reading.apply(child.pid()));
        });
        return readings;
    }

    /** CPU time (user and system) the process has used so far, in seconds; NaN where the system does not tell. */
    static double cpuSeconds(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration())
                .map(duration -> duration.toNanos() / 1e9).orElse(Double.NaN);
    }

    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or gone
        }
        return -1;
    }

    /** The launcher's store counters so far; empty if it does not answer. */
    Optional<StoreCounters> storeCounters() {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + launcherPort + "/status"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            JsonNode status = Api.JSON.readTree(body);
            if (!status.has("mongoCollections")) {
                return Optional.empty();
            }
            Map<String, long[]> collections = new LinkedHashMap<>();
            status.get("mongoCollections").properties().forEach(entry -> collections.put(entry.getKey(),
                    new long[] {entry.getValue().get("documentsRead").asLong(), entry.getValue().get("documentsWritten").asLong()}));
            return Optional.of(new StoreCounters(status.get("mongoCommands").asLong(), status.get("mongoDocumentsRead").asLong(),
                    status.get("mongoDocumentsWritten").asLong(), status.get("mongoCommits").asLong(), collections));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * What the store did since it started: commands answered, documents read and written, commits made, and
     * documents read and written by collection ({@code database.collection}).
     */
    record StoreCounters(long commands, long read, long written, long commits, Map<String, long[]> collections) {

        /**
         * What it did between {@code before} and this reading, per unit of work, as one figure: in all, then the
         * collections that read or wrote most (documents read / written per unit).
         */
        String perUnit(StoreCounters before, long units, String unit) {
            double n = Math.max(1, units);
            StringBuilder figure = new StringBuilder(String.format(Locale.ROOT,
                    "%.2f commands, %.2f documents read, %.2f written, %.3f commits per %s",
                    (commands - before.commands) / n, (read - before.read) / n, (written - before.written) / n,
                    (commits - before.commits) / n, unit));
            Map<String, long[]> changed = new LinkedHashMap<>();
            collections.forEach((name, now) -> {
                long[] was = before.collections.getOrDefault(name, new long[2]);
                if (now[0] > was[0] || now[1] > was[1]) {
                    changed.put(name, new long[] {now[0] - was[0], now[1] - was[1]});
                }
            });
            changed.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                    .limit(6)
                    .forEach(entry -> figure.append(String.format(Locale.ROOT, "; %s %.2f / %.2f", entry.getKey(),
                            entry.getValue()[0] / n, entry.getValue()[1] / n)));
            return figure.toString();
        }
    }

    /** One gauge's value from the service's Prometheus page (the first series of that name). */
    Optional<Double> metric(String service, String name) {
        try {
            String page = HTTP.send(HttpRequest.newBuilder(URI.create(management(service) + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(page);
            return m.find() ? Optional.of(Double.parseDouble(m.group(2))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
