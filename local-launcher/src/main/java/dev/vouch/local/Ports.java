package dev.vouch.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Checks every port before anything starts, so a taken port is one clear message, not a stack trace. */
final class Ports {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    static Map<String, Integer> of(LocalOptions options) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka (--kafka-port)", options.kafkaPort());
        ports.put("Kafka controller (--kafka-controller-port)", options.kafkaControllerPort());
        ports.put("MongoDB (--mongo-port)", options.mongoPort());
        ports.put("the launcher's status (--launcher-port)", options.launcherPort());
        for (LocalOptions.ServiceSpec service : options.services()) {
            String flag = service.name().replace("-service", "");
            String moved = service.instance() == 1 ? "" : " + " + LocalOptions.INSTANCE_PORT_STEP * (service.instance() - 1);
            ports.put(service.id() + " (--" + flag + "-port" + moved + ")", service.port());
            ports.put(service.id() + " management (--" + flag + "-management-port" + moved + ")", service.managementPort());
        }
        return ports;
    }

    /** The ports that are already taken, each described with the flag that moves it. */
    static List<String> taken(LocalOptions options) {
        List<String> taken = new ArrayList<>();
        of(options).forEach((what, port) -> {
            if (!free(port)) {
                taken.add("port " + port + " for " + what + " is already in use");
            }
        });
        return taken;
    }

    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("localhost"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A free port, for tests: below Linux's ephemeral range (32768-60999), which the system also hands to
     * outgoing connections, so none of the stack's own client connections can take it before the service that
     * was given it binds it. Never the same port twice in one JVM.
     */
    static int any() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (free(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between 20000 and 32000");
    }
}
