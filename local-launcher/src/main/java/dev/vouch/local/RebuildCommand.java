package dev.vouch.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code ./run-local.sh rebuild <service>}: stops the service in the running local stack, empties its
 * projections, moves its consumer group to the earliest offsets and starts it again. With
 * {@code --bootstrap-servers} and {@code --mongodb-uri} it does the middle part on a real deployment, whose
 * operator stops and starts the service around it.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Rebuilds a service's projections from the topics: stops the service, empties its projections, "
                        + "resets its consumer group to the earliest offsets (Kafka Admin API) and starts it again. "
                        + "The rebuilt state equals the live state; nothing already published is published again.",
                "Against the local stack (the stack's own options, e.g. --launcher-port, go before 'rebuild'), or, with "
                        + "--bootstrap-servers and --mongodb-uri, against a real deployment whose instances of the service "
                        + "are stopped first."})
final class RebuildCommand implements Callable<Integer> {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @ParentCommand
    LocalCommand stack;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", description = "mentor-service, request-service or reminder-service")
    String service;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "A real Kafka cluster. Env VOUCH_BOOTSTRAP_SERVERS. Default: the local stack's broker")
    String bootstrapServers;

    @Option(names = "--mongodb-uri", paramLabel = "URI",
            description = "The service's real MongoDB database, e.g. mongodb://mongo:27017/vouch_reminders. "
                    + "Env VOUCH_MONGODB_URI. Default: the local stack's store")
    String mongodbUri;

    @Override
    public Integer call() {
        Rebuild.Projections projections;
        try {
            projections = Rebuild.of(service);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if ((bootstrapServers == null) != (mongodbUri == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap-servers and --mongodb-uri go together");
        }
        PrintStream out = System.out;
        long started = System.nanoTime();
        try {
            if (bootstrapServers != null) {
                out.println("Rebuilding " + service + " on " + bootstrapServers + " (every instance must be stopped)");
                Rebuild.run(projections, bootstrapServers, mongodbUri, out);
                out.println("Done in " + seconds(started) + ". Start " + service + " again: it reads the topics from the beginning.");
                return 0;
            }
            LocalOptions options = stack.options(stack.spec.commandLine());
            String control = "http://localhost:" + options.launcherPort() + "/services/" + service;
            out.println("Rebuilding " + service + " in the local stack");
            post(control + "/stop");
            out.println("  stopped " + service);
            Rebuild.run(projections, "localhost:" + options.kafkaPort(),
                    "mongodb://localhost:" + options.mongoPort() + "/" + LocalOptions.databaseOf(service), out);
            post(control + "/start");
            out.println("  started " + service + " again; it is reading the topics from the beginning");
            out.println("Done in " + seconds(started) + ". Its reminders and projections are complete once its consumer lag is 0.");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("Rebuild failed: " + e.getMessage());
            return 1;
        }
    }

    private static void post(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(3))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The launcher answered " + response.statusCode() + ": " + response.body());
            }
        } catch (ConnectException e) {
            throw new IllegalStateException("No local stack answers on " + URI.create(url).getPort()
                    + ": start it with ./run-local.sh (same options), or give --bootstrap-servers and --mongodb-uri");
        } catch (IOException e) {
            throw new IllegalStateException("Calling the launcher failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String seconds(long started) {
        return String.format("%.1f s", (System.nanoTime() - started) / 1e9);
    }
}
