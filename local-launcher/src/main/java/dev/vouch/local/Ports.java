package dev.vouch.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks every port before anything starts, so a taken port is one clear message, not a stack trace. */
final class Ports {

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

    /** A free port, for tests. */
    static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
