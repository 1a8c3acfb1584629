package dev.vouch.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The launcher's own health, on loopback: {@code GET /status} answers each service instance's state, pid and
 * restarts (200 when all are up, 503 otherwise). {@code POST /services/{name}/stop} and {@code .../start} stop
 * and start every instance of a service, without the supervisor restarting it in between: the rebuild command
 * uses them.
 */
final class LauncherStatus implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;

    private LauncherStatus(HttpServer server) {
        this.server = server;
    }

    static LauncherStatus start(int port, LocalStack stack) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("localhost"), port), 16);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "launcher-status");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/status", exchange -> {
                ObjectNode status = status(stack);
                respond(exchange, status.get("up").asBoolean() ? 200 : 503, status);
            });
            server.createContext("/services/", exchange -> control(exchange, stack));
            server.start();
            return new LauncherStatus(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the launcher's status port " + port, e);
        }
    }

    static ObjectNode status(LocalStack stack) {
        ObjectNode status = JSON.createObjectNode();
        ArrayNode services = status.putArray("services");
        boolean up = true;
        for (ServiceProcess service : stack.services()) {
            ServiceProcess.State state = service.state();
            up &= state == ServiceProcess.State.UP;
            ObjectNode entry = services.addObject();
            entry.put("name", service.spec().id());
            entry.put("state", state.name());
            entry.put("pid", service.pid());
            entry.put("restarts", service.restarts());
            if (service.lastExitCode() != null) {
                entry.put("lastExitCode", service.lastExitCode());
            }
            entry.put("api", "http://localhost:" + service.spec().port());
            entry.put("management", "http://localhost:" + service.spec().managementPort());
            entry.put("log", service.log().toString());
        }
        status.put("up", up);
        StoreCounters store = stack.mongoCounters();
        status.put("mongoCommands", store.commands());
        status.put("mongoDocumentsRead", store.documentsRead());
        status.put("mongoDocumentsWritten", store.documentsWritten());
        status.put("mongoCommits", stack.mongoCommits());
        ObjectNode collections = status.putObject("mongoCollections");
        store.byCollection().forEach((namespace, counts) ->
                collections.putObject(namespace).put("documentsRead", counts[0]).put("documentsWritten", counts[1]));
        return status;
    }

    private static void control(HttpExchange exchange, LocalStack stack) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/"); // "", "services", name, action
        if (!"POST".equals(exchange.getRequestMethod()) || path.length != 4) {
            respond(exchange, 404, message("POST /services/{name}/stop or /start"));
            return;
        }
        List<ServiceProcess> instances = stack.instancesOf(path[2]);
        if (instances.isEmpty()) {
            respond(exchange, 404, message("no service " + path[2]));
            return;
        }
        try {
            switch (path[3]) {
                case "stop" -> instances.parallelStream().forEach(ServiceProcess::stop);
                case "start" -> instances.parallelStream().forEach(ServiceProcess::startAgain);
                default -> {
                    respond(exchange, 404, message("unknown action " + path[3]));
                    return;
                }
            }
            respond(exchange, 200, status(stack));
        } catch (RuntimeException e) {
            respond(exchange, 500, message(e.getMessage()));
        }
    }

    private static ObjectNode message(String text) {
        return JSON.createObjectNode().put("message", text);
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
