package dev.vouch.benchmark;

import dev.vouch.events.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the local stack and measures the whole path, printing one table: each figure beside the baseline
 * measured in the same run, their ratio, the target and by how much it is missed. Not part of the test suite.
 */
@Command(name = "vouch-benchmark", mixinStandardHelpOptions = true,
        description = "Measures Vouch on this machine: store, derivation, Kafka, rebuild, latency, API, memory.")
public final class Benchmark implements Callable<Integer> {

    @Option(names = "--quick", description = "Small sizes, a few minutes in all")
    boolean quick;
    @Option(names = "--events", description = "Events produced through Kafka (default 1,000,000; quick 26,000)")
    Integer events;
    @Option(names = "--raw-docs", description = "Documents upserted for the raw store rate (default 100,000; quick 20,000)")
    Integer rawDocs;
    @Option(names = "--derivation-students", description = "Students (13 events each) for the derivation figure (default 10,000; quick 1,000)")
    Integer derivationStudents;
    @Option(names = "--api-seconds", description = "Seconds of load per API endpoint (default 30; quick 8)")
    Integer apiSeconds;
    @Option(names = "--api-warmup", description = "Seconds of load per API endpoint before its measured window, not counted (default 5; quick 3)")
    Integer apiWarmup;
    @Option(names = "--concurrency", defaultValue = "16", description = "Concurrent API clients (default ${DEFAULT-VALUE})")
    int concurrency;
    @Option(names = "--latency-seconds", description = "Seconds of letter requests per rate (default 30; quick 10)")
    Integer latencySeconds;
    @Option(names = "--mentors", description = "Other tenants' mentors (default 50,000; quick 5,000)")
    Integer mentors;
    @Option(names = "--letters", description = "Other tenants' letters (default 20,000; quick 2,000)")
    Integer letters;
    @Option(names = "--lag-timeout", description = "Seconds to wait for a consumer group to catch up (default 600; quick 180)")
    Integer lagTimeout;
    @Option(names = "--launcher-heap", defaultValue = "512m", description = "The launcher's heap limit, as run-local.sh sets it (default ${DEFAULT-VALUE})")
    String launcherHeap;
    @Option(names = "--port-base", defaultValue = "29000", description = "Ports used: base+17 (MongoDB), base+81.. (services), base+92.. (Kafka) (default ${DEFAULT-VALUE})")
    int portBase;
    @Option(names = "--launcher-jar", defaultValue = "local-launcher/target/vouch-local.jar", description = "The launcher's jar (default ${DEFAULT-VALUE})")
    Path launcherJar;
    @Option(names = "--data-dir", description = "Where the stack keeps its data (default: a new temporary folder)")
    Path dataDir;
    @Option(names = "--only", split = ",", paramLabel = "PART",
            description = "Run only these parts: ${COMPLETION-CANDIDATES} (default: all; rebuild reads what kafka produced)")
    Set<Part> only = EnumSet.allOf(Part.class);

    /** The parts of a run, in the order they run. */
    enum Part { store, api, latency, kafka, rebuild, tenants }

    /** Students the API's write loads go round. */
    private static final int API_STUDENTS = 200;

    private final Report report = new Report();
    private Duration apiWarm = Duration.ZERO;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Benchmark()).execute(args));
    }

    private int pick(Integer given, int full, int small) {
        return given != null ? given : quick ? small : full;
    }

    @Override
    public Integer call() throws Exception {
        int eventCount = pick(events, 1_000_000, 26_000);
        int students = Math.max(1, eventCount / SchoolStream.EVENTS_PER_STUDENT);
        Duration apiLoad = Duration.ofSeconds(pick(apiSeconds, 30, 8));
        apiWarm = Duration.ofSeconds(pick(apiWarmup, 5, 3));
        Duration latencyLoad = Duration.ofSeconds(pick(latencySeconds, 30, 10));
        Duration lagWait = Duration.ofSeconds(pick(lagTimeout, 600, 180));
        Path data = dataDir != null ? dataDir : Files.createTempDirectory("vouch-benchmark-");
        log("Data folder %s; %d cores; %s mode", data, Runtime.getRuntime().availableProcessors(), quick ? "quick" : "full");
        report.note(String.format(Locale.ROOT, "%s mode on %d cores, %s; the machine may be shared, so figures are noisy.",
                quick ? "Quick" : "Full", Runtime.getRuntime().availableProcessors(), Instant.now()));

        log("Starting the local stack (launcher heap -Xmx%s) ...", launcherHeap);
        long startedAt = System.nanoTime();
        try (LocalStackProcess stack = LocalStackProcess.start(launcherJar.toAbsolutePath(), data.resolve("stack"), portBase, launcherHeap);
             KafkaFigures kafka = new KafkaFigures(stack.bootstrapServers())) {
            log("Stack ready in %.0f s", (System.nanoTime() - startedAt) / 1e9);
            double raw = !only.contains(Part.store) ? Double.NaN : step("raw store and derivation", () -> storeFigures(stack,
                    pick(rawDocs, 100_000, 20_000), pick(derivationStudents, 10_000, 1_000)), Double.NaN);
            SmallTenant small = !only.contains(Part.tenants) ? null
                    : step("small tenant on an empty store", () -> SmallTenant.create(stack), null);
            Map<String, Samples> emptyViews = small == null ? Map.of() : step("small tenant views, empty store",
                    () -> small.views(stack), Map.of());
            double postRate = !only.contains(Part.api) ? Double.NaN
                    : step("API", () -> apiFigures(stack, apiLoad), Double.NaN);
            if (only.contains(Part.latency)) {
                step("latency", () -> {
                    latencyFigures(stack, latencyLoad);
                    return null;
                }, null);
            }
            if (only.contains(Part.kafka)) {
                step("through Kafka", () -> kafkaFigures(stack, kafka, students, raw, postRate, lagWait), null);
            }
            if (only.contains(Part.rebuild)) {
                step("rebuild", () -> rebuildFigure(stack, kafka, lagWait), null);
            }
            if (small != null) {
                step("other tenants' data", () -> {
                    seedOthers(stack, pick(mentors, 50_000, 5_000), pick(letters, 20_000, 2_000));
                    Map<String, Samples> loaded = small.views(stack);
                    loaded.forEach((view, samples) -> {
                        Samples empty = emptyViews.get(view);
                        double baseline = empty == null ? Double.NaN : empty.millis(0.99);
                        report.target("small tenant " + view + " p50 / p99, beside others' data",
                                Report.ms(samples.millis(0.5)) + " / " + Report.ms(samples.millis(0.99)),
                                empty == null ? "n/a" : "empty store " + Report.ms(empty.millis(0.5)) + " / " + Report.ms(baseline),
                                Report.ratio(samples.millis(0.99), baseline), samples.millis(0.99) / baseline, 2.0, false,
                                "p99 <= 2 x empty");
                    });
                    return null;
                }, null);
            }
            Map<String, Long> rss = stack.residentMemory();
            rss.forEach((process, bytes) -> {
                if (process.startsWith("launcher")) {
                    report.target("resident memory: " + process + " (-Xmx" + launcherHeap + ")", Report.mb(bytes), "", "",
                            bytes / 1048576.0, 1024, false, "<= 1,024 MB");
                } else {
                    report.add("resident memory: " + process, Report.mb(bytes), "", "");
                }
            });
        }
        System.out.println();
        System.out.println(report.render());
        return 0;
    }

    /** Raw store and derivation on it, in this JVM. Answers the raw rate. */
    private double storeFigures(LocalStackProcess stack, int docs, int derivationStudents) {
        try (StoreFigures store = new StoreFigures("mongodb://localhost:" + stack.mongoPort)) {
            log("Raw store: %,d upserts by _id ...", docs);
            double raw = store.rawUpsertsPerSecond(docs);
            report.add("raw store (the launcher's: H2 file, " + StoreFigures.CACHE_MB + " MB cache, group commit): batched upserts by _id",
                    Report.rate(raw, "docs/s"), "", "");
            log("Derivation: %,d students ...", derivationStudents);
            StoreFigures.Derivation derivation = store.derivation(derivationStudents, stack.bootstrapServers(), stack.dataDir);
            report.add(String.format(Locale.ROOT, "derivation on that store, first delivery (%,d events)", derivation.events()),
                    Report.rate(derivation.firstPerSecond(), "events/s"), "raw " + Report.rate(raw, "docs/s"),
                    Report.ratio(derivation.firstPerSecond(), raw));
            report.add("derivation on that store, redelivery (duplicates)",
                    Report.rate(derivation.redeliveredPerSecond(), "events/s"), "raw " + Report.rate(raw, "docs/s"),
                    Report.ratio(derivation.redeliveredPerSecond(), raw));
            return raw;
        }
    }

    /** Req/s and p99 per endpoint at a fixed concurrency; outbox backlog after each write load. Answers POST /mentors' rate. */
    private double apiFigures(LocalStackProcess stack, Duration load) {
        String mentorApi = stack.api("mentor-service");
        String requestApi = stack.api("request-service");
        String token = Api.token(mentorApi, "api-school", "api-student", "STUDENT");
        for (int i = 0; i < 5; i++) {
            Api.createMentor(mentorApi, token, "Dr. Api " + i);
        }
        String liveness = stack.management("mentor-service") + "/actuator/health/liveness";
        log("API: %s per endpoint at concurrency %d, after %s of warm-up each ...", load, concurrency, apiWarm);
        Samples trivial = warmThenMeasure(load, 200, (w, i) -> Api.get(liveness, null).statusCode());
        report.add("API trivial endpoint (liveness), concurrency " + concurrency,
                Report.rate(trivial.perSecond(), "req/s") + ", p99 " + Report.ms(trivial.millis(0.99)), "", "1.00");
        Samples list = warmThenMeasure(load, 200, (w, i) -> Api.get(mentorApi + "/api/v1/mentors", token).statusCode());
        apiRow("GET /mentors (5 mentors)", list, trivial, Double.NaN, Double.NaN);
        // The write loads go round a school's students, as a school's use does: each client writes for the next
        // student, so no one student collects thousands of records (a student has tens).
        List<String> writers = new ArrayList<>();
        List<String> writerMentors = new ArrayList<>();
        for (int s = 0; s < API_STUDENTS; s++) {
            writers.add(Api.token(mentorApi, "api-school", "api-writer-" + s, "STUDENT"));
            writerMentors.add(Api.createMentor(mentorApi, writers.get(s), "Dr. Writer " + s));
        }
        AtomicLong next = new AtomicLong();
        AtomicReference<Usage> before = new AtomicReference<>();
        Samples addMentors = warmThenMeasure(load, 201, (w, i) -> Api.post(mentorApi + "/api/v1/mentors",
                writers.get((int) (next.getAndIncrement() % API_STUDENTS)), Api.mentorBody("Dr. Load " + w + "-" + i)).statusCode(),
                () -> before.set(usage(stack)));
        usagePerRequest("POST /mentors", before.get(), usage(stack), addMentors.count());
        apiRow("POST /mentors (round " + API_STUDENTS + " students)", addMentors, trivial, Double.NaN, Double.NaN);
        backlog(stack, "mentor-service", "POST /mentors");
        // The letters' mentors must be in request-service's directory before letters are asked of them.
        awaitStatus(() -> Api.post(requestApi + "/api/v1/letters", writers.get(API_STUDENTS - 1),
                Api.letterBody(writerMentors.get(API_STUDENTS - 1), Instant.now().plus(Duration.ofDays(40)))).statusCode(), 201);
        log("API: POST /letters ...");
        Samples addLetters = warmThenMeasure(load, 201, (w, i) -> {
            int student = (int) (next.getAndIncrement() % API_STUDENTS);
            return Api.post(requestApi + "/api/v1/letters", writers.get(student),
                    Api.letterBody(writerMentors.get(student), Instant.now().plus(Duration.ofDays(40)))).statusCode();
        }, () -> before.set(usage(stack)));
        usagePerRequest("POST /letters", before.get(), usage(stack), addLetters.count());
        apiRow("POST /letters (round " + API_STUDENTS + " students)", addLetters, trivial, 0.3, 100);
        backlog(stack, "request-service", "POST /letters");
        return addMentors.perSecond();
    }

    /**
     * The endpoint's load for the warm-up first, not counted (a service's first requests load classes and
     * compile its code, as the latency figure's warm-up lets them), then the measured window.
     */
    private Samples warmThenMeasure(Duration load, int expected, Api.Call call) {
        return warmThenMeasure(load, expected, call, () -> { });
    }

    /** As above, running {@code measuring} between the warm-up and the measured window. */
    private Samples warmThenMeasure(Duration load, int expected, Api.Call call, Runnable measuring) {
        if (!apiWarm.isZero()) {
            Api.closedLoop(concurrency, apiWarm, expected, call);
        }
        measuring.run();
        return Api.closedLoop(concurrency, load, expected, call);
    }

    /** Every process's CPU time so far, the harness's own (it sends the load) among them, and the store's counters. */
    private static Usage usage(LocalStackProcess stack) {
        Map<String, Double> cpu = new LinkedHashMap<>(stack.cpuSeconds());
        cpu.put("harness", LocalStackProcess.cpuSeconds(ProcessHandle.current().pid()));
        return new Usage(cpu, stack.storeCounters().orElse(null));
    }

    private record Usage(Map<String, Double> cpu, LocalStackProcess.StoreCounters store) {
    }

    /** Where a write load's time went: CPU milliseconds per request by process, and the store's work per request. */
    private void usagePerRequest(String load, Usage before, Usage after, long requests) {
        StringBuilder value = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> process : after.cpu().entrySet()) {
            Double was = before.cpu().get(process.getKey());
            if (was != null) {
                double ms = (process.getValue() - was) * 1e3 / Math.max(1, requests);
                total += ms;
                value.append(value.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f", process.getKey(), ms));
            }
        }
        report.add(load + ": CPU ms per request by process", String.format(Locale.ROOT, "%.1f ms: %s", total, value), "", "");
        if (before.store() != null && after.store() != null) {
            report.add(load + ": store per request", after.store().perUnit(before.store(), requests, "request"), "", "");
        }
    }

    private void apiRow(String what, Samples samples, Samples trivial, double ratioTarget, double p99Target) {
        String value = Report.rate(samples.perSecond(), "req/s") + ", p99 " + Report.ms(samples.millis(0.99))
                + (samples.failures() > 0 ? ", " + samples.failures() + " failed" : "");
        String baseline = "trivial " + Report.rate(trivial.perSecond(), "req/s");
        String ratio = Report.ratio(samples.perSecond(), trivial.perSecond());
        if (Double.isNaN(ratioTarget)) {
            report.add(what, value, baseline, ratio);
            return;
        }
        report.target(what + ": rate", value, baseline, ratio, samples.perSecond() / trivial.perSecond(), ratioTarget,
                true, ">= " + ratioTarget + " x trivial");
        report.target(what + ": p99", Report.ms(samples.millis(0.99)), "", "", samples.millis(0.99), p99Target, false,
                "<= " + (int) p99Target + " ms");
    }

    /** The outbox backlog as the load stops, and how long until the relay has published it all. */
    private void backlog(LocalStackProcess stack, String service, String load) {
        long start = System.nanoTime();
        double atStop = stack.metric(service, "vouch_outbox_backlog").orElse(Double.NaN);
        double left = atStop;
        while (!(left <= 0) && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
            LocalStackProcess.pause(50);
            left = stack.metric(service, "vouch_outbox_backlog").orElse(Double.NaN);
        }
        double drain = left <= 0 ? (System.nanoTime() - start) / 1e9 : Double.NaN;
        report.target("outbox backlog after " + load + " (" + service + "), drain time",
                String.format(Locale.ROOT, "%,.0f events, drained in %s", atStop, Report.seconds(drain)), "", "",
                drain, 5, false, "drains within seconds (<= 5 s)");
    }

    private void latencyFigures(LocalStackProcess stack, Duration load) {
        String mentorApi = stack.api("mentor-service");
        String requestApi = stack.api("request-service");
        List<String> tokens = new ArrayList<>();
        List<String> mentorIds = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            String token = Api.token(mentorApi, "latency-school", "latency-student-" + s, "STUDENT");
            tokens.add(token);
            mentorIds.add(Api.createMentor(mentorApi, token, "Dr. Latency " + s));
        }
        awaitStatus(() -> Api.post(requestApi + "/api/v1/letters", tokens.get(49),
                Api.letterBody(mentorIds.get(49), Instant.now().plus(Duration.ofDays(40)))).statusCode(), 201);
        DeadlineLatency.Students students = new DeadlineLatency.Students(tokens, mentorIds);
        log("Latency: warming up at 10 letters/s for 5 s (not counted) ...");
        DeadlineLatency.measure(requestApi, stack.bootstrapServers(), students, 10, Duration.ofSeconds(5));
        for (int rate : new int[] {10, 100}) {
            log("Latency at %d letters/s for %s ...", rate, load);
            DeadlineLatency.Result result = DeadlineLatency.measure(requestApi, stack.bootstrapServers(), students, rate, load);
            Samples samples = result.total();
            String value = "p50 " + Report.ms(samples.millis(0.5)) + ", p90 " + Report.ms(samples.millis(0.9))
                    + ", p99 " + Report.ms(samples.millis(0.99)) + " (n=" + samples.count()
                    + (samples.failures() > 0 ? ", " + samples.failures() + " missing" : "") + ")";
            String figure = "latency 201 -> DeadlineApproaching at " + rate + " letters/s";
            if (rate == 100) {
                report.target(figure, value, "", "", samples.failures() > 0 ? Double.POSITIVE_INFINITY : samples.millis(0.99),
                        500, false, "p99 <= 500 ms");
            } else {
                report.add(figure, value, "", "");
            }
            result.stages().forEach((stage, part) -> report.add("  of which " + stage,
                    "p50 " + Report.ms(part.millis(0.5)) + ", p99 " + Report.ms(part.millis(0.99)), "", ""));
        }
    }

    private Void kafkaFigures(LocalStackProcess stack, KafkaFigures kafka, int students, double raw, double apiRate,
                              Duration lagWait) {
        Map<String, Long> before = new LinkedHashMap<>();
        KafkaFigures.CONSUMES.forEach((group, topics) -> before.put(group, kafka.endOffsets(topics)));
        log("Through Kafka: %,d events (%,d students) ...", (long) students * SchoolStream.EVENTS_PER_STUDENT, students);
        Map<String, Double> cpuBefore = stack.cpuSeconds();
        LocalStackProcess.StoreCounters storeBefore = stack.storeCounters().orElse(null);
        long start = System.nanoTime();
        long produced = kafka.produce("kafka-school", "kafka-student", students);
        double produceSeconds = (System.nanoTime() - start) / 1e9;
        report.add(String.format(Locale.ROOT, "through Kafka: %,d events produced as the services publish them", produced),
                Report.rate(produced / produceSeconds, "events/s produced"), "", "");
        Map<String, Double> seconds = kafka.awaitDrained(KafkaFigures.CONSUMES, start, lagWait);
        long reminderEvents = kafka.endOffsets(KafkaFigures.CONSUMES.get("reminder-service")) - before.get("reminder-service");
        cpuRow("through Kafka", cpuBefore, stack.cpuSeconds(), reminderEvents);
        storeRow("through Kafka", storeBefore, stack.storeCounters().orElse(null), reminderEvents);
        for (Map.Entry<String, Double> entry : seconds.entrySet()) {
            String group = entry.getKey();
            List<String> topics = KafkaFigures.CONSUMES.get(group);
            long consumed = kafka.endOffsets(topics) - before.get(group);
            double s = entry.getValue();
            long lag = Double.isNaN(s) ? kafka.lag(group, topics) : 0;
            double rate = Double.isNaN(s) ? (consumed - lag) / (lagWait.toNanos() / 1e9) : consumed / s;
            String value = Report.rate(rate, "events/s") + (Double.isNaN(s)
                    ? String.format(Locale.ROOT, " (lag %,d left after %d s)", lag, lagWait.toSeconds())
                    : String.format(Locale.ROOT, " (%,d events to lag 0 in %.1f s)", consumed, s));
            if (group.equals("reminder-service")) {
                report.target("through Kafka: " + group + " (" + String.join(", ", topics) + ")", value,
                        "raw store " + Report.rate(raw, "docs/s"), Report.ratio(rate, raw), rate, 10_000, true,
                        ">= 10,000 events/s");
                report.target("through Kafka: " + group + " / raw store", Report.ratio(rate, raw), "", "",
                        rate / raw, 0.5, true, ">= 0.5 x raw");
            } else {
                report.target("through Kafka: " + group + " (" + String.join(", ", topics) + ")", value,
                        "API POST /mentors " + Report.rate(apiRate, "events/s"), Report.ratio(rate, apiRate), rate,
                        apiRate, true, ">= the API's event rate");
            }
        }
        return null;
    }

    /**
     * CPU time each process used over a phase, and per event: which process bounds the phase on a machine whose
     * cores they share (the launcher, holding Kafka and the store, against each consumer).
     */
    private void cpuRow(String phase, Map<String, Double> before, Map<String, Double> after, long events) {
        StringBuilder value = new StringBuilder();
        for (String process : List.of("launcher", "reminder-service rebuilding", "reminder-service", "request-service",
                "mentor-service")) {
            if (before.containsKey(process) && after.containsKey(process)) {
                double used = after.get(process) - before.get(process);
                value.append(value.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f s (%.0f us/event)",
                        process, used, used * 1e6 / Math.max(1, events)));
            }
        }
        report.add(String.format(Locale.ROOT, "%s: CPU time per process over %,d events", phase, events),
                value.toString(), "", "");
    }

    /** The store's work over a phase, per event (every service's reads and writes alike). */
    private void storeRow(String phase, LocalStackProcess.StoreCounters before, LocalStackProcess.StoreCounters after,
                          long events) {
        if (before != null && after != null) {
            report.add(String.format(Locale.ROOT, "%s: store per event over %,d events", phase, events),
                    after.perUnit(before, events, "event"), "", "");
        }
    }

    /** A second reminder-service with an empty database and a new group reads all three topics from offset 0. */
    private Void rebuildFigure(LocalStackProcess stack, KafkaFigures kafka, Duration lagWait) throws IOException {
        List<String> topics = List.of(Topics.MENTORS, Topics.LETTERS, Topics.REMINDERS);
        long events = kafka.endOffsets(topics);
        String group = "reminder-rebuild-" + System.currentTimeMillis();
        Path jar = launcherJar.toAbsolutePath().resolveSibling("services").resolve("reminder-service-exec.jar");
        Path log = stack.dataDir.resolve("logs").resolve("reminder-rebuild.log");
        Files.createDirectories(log.getParent());
        log("Rebuild: reminder-service from offset 0 over %,d events ...", events);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-jar", jar.toString(), "--spring.profiles.active=local",
                "--server.port=0", "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + stack.bootstrapServers(),
                "--spring.mongodb.uri=" + stack.mongoUri("vouch_reminders_rebuild_" + System.currentTimeMillis()),
                "--spring.kafka.consumer.group-id=" + group,
                "--vouch.local.data-dir=" + stack.dataDir)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long launched = System.nanoTime();
            while (!kafka.started(group) && process.isAlive() && System.nanoTime() - launched < lagWait.toNanos()) {
                LocalStackProcess.pause(100);
            }
            long start = System.nanoTime();
            double startup = (start - launched) / 1e9;
            double launcherBefore = LocalStackProcess.cpuSeconds(stack.launcherPid());
            double rebuildBefore = LocalStackProcess.cpuSeconds(process.pid());
            LocalStackProcess.StoreCounters storeBefore = stack.storeCounters().orElse(null);
            double seconds = kafka.awaitDrained(Map.of(group, topics), start, lagWait).get(group);
            cpuRow("rebuild", Map.of("launcher", launcherBefore, "reminder-service rebuilding", rebuildBefore),
                    Map.of("launcher", LocalStackProcess.cpuSeconds(stack.launcherPid()),
                            "reminder-service rebuilding", LocalStackProcess.cpuSeconds(process.pid())), events);
            storeRow("rebuild", storeBefore, stack.storeCounters().orElse(null), events);
            // Timed out: the rate so far, from what the group has committed.
            double rate = Double.isNaN(seconds) ? (events - kafka.lag(group, topics)) / (lagWait.toNanos() / 1e9)
                    : events / seconds;
            report.target(String.format(Locale.ROOT, "rebuild: reminder-service from offset 0 over %,d events", events),
                    (Double.isNaN(seconds) ? "not done after " + lagWait.toSeconds() + " s" : Report.seconds(seconds))
                            + " (" + Report.rate(rate, "events/s") + "; JVM start " + Report.seconds(startup) + " before)",
                    "", "", 1_000_000 / rate, 100, false, "1,000,000 events <= 100 s (projected: "
                            + Report.seconds(1_000_000 / rate) + ")");
            report.add("resident memory: reminder-service rebuilding", Report.mb(LocalStackProcess.rss(process.pid())), "", "");
        } finally {
            process.destroy();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }

    /** Other tenants' mentors and letters, written through the API, spread over students of five schools. */
    private void seedOthers(LocalStackProcess stack, int mentorCount, int letterCount) {
        String mentorApi = stack.api("mentor-service");
        String requestApi = stack.api("request-service");
        int studentsPerTenant = 40;
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            for (int s = 0; s < studentsPerTenant; s++) {
                tokens.add(Api.token(mentorApi, "big-school-" + t, "big-student-" + s, "STUDENT"));
            }
        }
        log("Seeding other tenants: %,d mentors, %,d letters ...", mentorCount, letterCount);
        List<String> firstMentors = new ArrayList<>();
        for (String token : tokens) {
            firstMentors.add(Api.createMentor(mentorApi, token, "Dr. First"));
        }
        Samples mentorsAdded = Api.repeat(concurrency, mentorCount - tokens.size(), 201, (w, i) -> Api.post(mentorApi
                + "/api/v1/mentors", tokens.get((int) (i % tokens.size())), Api.mentorBody("Dr. Other " + i)).statusCode());
        awaitStatus(() -> Api.post(requestApi + "/api/v1/letters", tokens.get(tokens.size() - 1),
                Api.letterBody(firstMentors.get(tokens.size() - 1), Instant.now().plus(Duration.ofDays(40)))).statusCode(), 201);
        Samples lettersAdded = Api.repeat(concurrency, letterCount, 201, (w, i) -> {
            int who = (int) (i % tokens.size());
            return Api.post(requestApi + "/api/v1/letters", tokens.get(who),
                    Api.letterBody(firstMentors.get(who), Instant.now().plus(Duration.ofDays(30 + i % 60)))).statusCode();
        });
        report.add(String.format(Locale.ROOT, "seeding others: %,d mentors, %,d letters through the API",
                        mentorsAdded.count() + tokens.size(), lettersAdded.count()),
                Report.rate(mentorsAdded.perSecond(), "mentors/s") + ", " + Report.rate(lettersAdded.perSecond(), "letters/s"),
                "", "");
        // The views are timed once the consumers have taken in what the seeding published, as on an empty store.
        try (KafkaFigures kafka = new KafkaFigures(stack.bootstrapServers())) {
            kafka.awaitDrained(KafkaFigures.CONSUMES, System.nanoTime(), Duration.ofMinutes(5));
        }
    }

    private static void awaitStatus(Callable<Integer> call, int expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (call.call() == expected) {
                    return;
                }
            } catch (Exception e) {
                // try again
            }
            LocalStackProcess.pause(200);
        }
        throw new IllegalStateException("No " + expected + " within 60 s");
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    /** Runs one part; a failure is reported in the table, and the remaining parts still run. */
    private <T> T step(String name, Step<T> step, T fallback) {
        try {
            return step.run();
        } catch (Exception | Error e) {
            log("%s failed: %s", name, e);
            report.add(name, "FAILED: " + e.getMessage(), "", "");
            return fallback;
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(Instant.now().toEpochMilli(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

}
