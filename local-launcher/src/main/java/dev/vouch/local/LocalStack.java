package dev.vouch.local;

import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The whole of Vouch on one machine: a Kafka broker (KRaft) and a file-backed Mongo wire server in this JVM,
 * and the three services as child processes under the {@code local} profile. Ctrl-C or SIGTERM stops all of it.
 */
public final class LocalStack implements AutoCloseable {

    private final LocalOptions options;
    private final LocalMongo mongo;
    private final LocalKafka kafka;
    private final List<ServiceProcess> services;
    private LauncherStatus status;

    private LocalStack(LocalOptions options, LocalMongo mongo, LocalKafka kafka, List<ServiceProcess> services) {
        this.options = options;
        this.mongo = mongo;
        this.kafka = kafka;
        this.services = services;
    }

    /** {@code ./run-local.sh [options]} starts the stack; {@code ./run-local.sh rebuild <service>} rebuilds a service's projections. */
    public static void main(String[] args) {
        int exit = LocalOptions.commandLine(new LocalCommand(), System.getenv())
                .setParameterExceptionHandler(LocalStack::usageError)
                .execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** A wrong option or value: one line saying which (and what was perhaps meant), not the whole help. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        line.getErr().println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, line.getErr());
        line.getErr().println("See '" + line.getCommandSpec().qualifiedName() + " --help' for every option.");
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Runs the stack until Ctrl-C or SIGTERM; answers the exit code. */
    static int run(LocalOptions options) {
        List<String> taken = Ports.taken(options);
        if (!taken.isEmpty()) {
            System.err.println("Vouch cannot start:");
            taken.forEach(line -> System.err.println("  - " + line));
            System.err.println("Stop what uses it, or move Vouch with the flag named (or its VOUCH_* environment variable).");
            return 2;
        }
        long started = System.nanoTime();
        LocalStack stack;
        try {
            stack = start(options);
        } catch (RuntimeException e) {
            System.err.println("Vouch could not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Vouch ...");
            stack.close();
            stopped.countDown();
        }, "vouch-local-stop"));
        System.out.print(stack.banner(Duration.ofNanos(System.nanoTime() - started)));
        if (options.demo() && options.externalIssuer()) {
            System.err.println("--demo seeds through /dev/token, which the services do not have with --issuer-uri: not seeded.");
        } else if (options.demo()) {
            try {
                System.out.println(DemoStudent.seed(stack.apiUrl("mentor-service"), stack.apiUrl("request-service"),
                        stack.apiUrl("reminder-service")));
            } catch (RuntimeException e) {
                System.err.println("Seeding the demo student failed: " + e.getMessage());
            }
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    public static LocalStack start(LocalOptions options) {
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the data folder " + options.dataDir(), e);
        }
        if (!options.externalIssuer()) {
            LocalKeys.ensure(options.dataDir());
        }
        LocalMongo mongo = LocalMongo.start(options.dataDir(), options.mongoPort(), options.mongoFsync());
        LocalKafka kafka;
        try {
            kafka = LocalKafka.start(options.dataDir(), options.kafkaPort(), options.kafkaControllerPort());
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
        List<ServiceProcess> services = new ArrayList<>();
        LocalStack stack = new LocalStack(options, mongo, kafka, services);
        try {
            for (LocalOptions.ServiceSpec spec : options.services()) {
                services.add(ServiceProcess.start(spec, options, kafka.bootstrapServers(), mongo.uri(spec.database())));
            }
            for (ServiceProcess service : services) {
                service.awaitReady(Duration.ofSeconds(120));
            }
            stack.status = LauncherStatus.start(options.launcherPort(), stack);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Every instance of the service named (or the one instance with that id, e.g. {@code reminder-service-2}). */
    List<ServiceProcess> instancesOf(String name) {
        return services.stream().filter(s -> s.spec().name().equals(name) || s.spec().id().equals(name)).toList();
    }

    /** The instance with that id, e.g. {@code reminder-service-2}. */
    ServiceProcess instance(String id) {
        return services.stream().filter(s -> s.spec().id().equals(id)).findFirst().orElseThrow();
    }

    long mongoCommits() {
        return mongo.commits();
    }

    StoreCounters mongoCounters() {
        return mongo.counters();
    }

    LocalOptions options() {
        return options;
    }

    public String apiUrl(String service) {
        return options.services().stream().filter(s -> s.name().equals(service)).findFirst()
                .map(s -> "http://localhost:" + s.port()).orElseThrow();
    }

    public String managementUrl(String service) {
        return options.services().stream().filter(s -> s.name().equals(service)).findFirst()
                .map(s -> "http://localhost:" + s.managementPort()).orElseThrow();
    }

    String banner(Duration startup) {
        StringBuilder out = new StringBuilder();
        out.append("\nVouch is running (ready in ").append(startup.toSeconds()).append(" s). Data: ").append(options.dataDir()).append('\n');
        out.append(String.format("  %-17s %-24s %-38s %s%n", "service", "API", "OpenAPI", "health / metrics"));
        for (ServiceProcess service : services) {
            LocalOptions.ServiceSpec spec = service.spec();
            String api = "http://localhost:" + spec.port();
            String management = "http://localhost:" + spec.managementPort();
            out.append(String.format("  %-17s %-24s %-38s %s%n", spec.id(), api + "/api/v1", api + "/swagger-ui.html",
                    management + "/actuator/health , /actuator/prometheus"));
        }
        out.append("  Kafka   ").append(kafka.bootstrapServers()).append("   MongoDB ").append(mongo.uri(""))
                .append("   Launcher status http://localhost:").append(options.launcherPort()).append("/status\n");
        String mentor = apiUrl("mentor-service");
        if (options.externalIssuer()) {
            out.append("\nTokens come from ").append(options.issuerUri()).append(" only (no /dev/token). With Keycloak and the realm in\n")
                    .append("deploy/keycloak (other providers: the token endpoint of <issuer>/.well-known/openid-configuration):\n");
            out.append("  TOKEN=$(curl -s ").append(options.issuerUri()).append("/protocol/openid-connect/token \\\n")
                    .append("    -d grant_type=password -d client_id=vouch-cli -d username=sam.student -d password=student | jq -r .access_token)\n");
        } else {
            out.append("\nGet a token and call the API:\n");
            out.append("  TOKEN=$(curl -s '").append(mentor).append("/dev/token?tenant=demo-school&sub=demo-student&roles=STUDENT')\n");
        }
        out.append("  curl -s -H \"Authorization: Bearer $TOKEN\" ").append(mentor).append("/api/v1/mentors\n");
        out.append("\nMemory (resident): ").append(memory()).append('\n');
        out.append("Logs: ").append(options.dataDir().resolve("logs")).append("   Stop: Ctrl-C\n\n");
        return out.toString();
    }

    /** Resident memory of this JVM (Kafka and MongoDB) and of each service, from /proc where there is one. */
    private String memory() {
        StringBuilder out = new StringBuilder("launcher (Kafka + MongoDB) ").append(rss(ProcessHandle.current().pid()));
        for (ServiceProcess service : services) {
            out.append(", ").append(service.spec().id()).append(' ').append(rss(service.pid()));
        }
        return out.toString();
    }

    private static String rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return (kb / 1024) + " MB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return "n/a";
    }

    @Override
    public void close() {
        if (status != null) {
            status.close();
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        kafka.close();
        mongo.close();
    }
}
