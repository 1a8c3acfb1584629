package dev.vouch.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it takes. Each is a flag, or an environment variable
 * (flags win): {@code --data-dir} / {@code VOUCH_DATA_DIR}, {@code --kafka-port} / {@code VOUCH_KAFKA_PORT}, ...
 * {@code --issuer-uri} (and optionally {@code --jwk-set-uri}) make the services trust an identity provider instead
 * of the stack's own key.
 */
public record LocalOptions(
        Path dataDir,
        Path servicesDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        List<ServiceSpec> services,
        boolean demo,
        List<String> extraServiceArgs,
        String issuerUri,
        String jwkSetUri) {

    /** With {@code --issuer-uri} the services trust that OpenID Connect issuer and have no {@code /dev/token}. */
    public boolean externalIssuer() {
        return issuerUri != null;
    }

    /** One service: its name, API port and management (actuator) port. */
    public record ServiceSpec(String name, int port, int managementPort) {

        public String database() {
            return switch (name) {
                case "mentor-service" -> "vouch_mentors";
                case "request-service" -> "vouch_requests";
                case "reminder-service" -> "vouch_reminders";
                default -> "vouch_" + name.replace('-', '_');
            };
        }
    }

    public static LocalOptions parse(String[] args, Map<String, String> env) {
        Flags flags = new Flags(args, env);
        int kafkaPort = flags.port("kafka-port", 9092);
        LocalOptions options = new LocalOptions(
                Path.of(flags.value("data-dir", "./data")).toAbsolutePath().normalize(),
                Path.of(flags.value("services-dir", defaultServicesDir())).toAbsolutePath().normalize(),
                kafkaPort,
                flags.port("kafka-controller-port", kafkaPort + 1),
                flags.port("mongo-port", 27017),
                List.of(
                        new ServiceSpec("mentor-service", flags.port("mentor-port", 8081), flags.port("mentor-management-port", 9081)),
                        new ServiceSpec("request-service", flags.port("request-port", 8082), flags.port("request-management-port", 9082)),
                        new ServiceSpec("reminder-service", flags.port("reminder-port", 8083), flags.port("reminder-management-port", 9083))),
                flags.has("demo"),
                flags.serviceArgs(),
                flags.url("issuer-uri"),
                flags.url("jwk-set-uri"));
        if (options.jwkSetUri() != null && options.issuerUri() == null) {
            throw new IllegalArgumentException("--jwk-set-uri needs --issuer-uri: the services check every token's issuer");
        }
        return options;
    }

    /** The services' jars are copied beside the launcher jar ({@code java -jar .../vouch-local.jar}) at build time. */
    private static String defaultServicesDir() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            return Path.of(classPath).toAbsolutePath().resolveSibling("services").toString();
        }
        return "local-launcher/target/services";
    }

    private static final class Flags {
        private final String[] args;
        private final Map<String, String> env;

        Flags(String[] args, Map<String, String> env) {
            this.args = args;
            this.env = env;
        }

        boolean has(String name) {
            for (String arg : args) {
                if (arg.equals("--" + name)) {
                    return true;
                }
            }
            return "true".equalsIgnoreCase(env.get(envName(name)));
        }

        String value(String name, String fallback) {
            for (String arg : args) {
                if (arg.startsWith("--" + name + "=")) {
                    return arg.substring(name.length() + 3);
                }
            }
            return env.getOrDefault(envName(name), fallback);
        }

        int port(String name, int fallback) {
            String value = value(name, String.valueOf(fallback));
            try {
                int port = Integer.parseInt(value.trim());
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a port number, not '" + value + "'");
            }
        }

        /** An http(s) URL, or null when the flag is not given. */
        String url(String name) {
            String value = value(name, null);
            if (value == null || value.isBlank()) {
                return null;
            }
            if (!value.startsWith("http://") && !value.startsWith("https://")) {
                throw new IllegalArgumentException("--" + name + " must be an http(s) URL, not '" + value + "'");
            }
            return value;
        }

        /** {@code --service-arg=--some.property=value}, passed to every service. */
        List<String> serviceArgs() {
            List<String> extra = new ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--service-arg=")) {
                    extra.add(arg.substring("--service-arg=".length()));
                }
            }
            return extra;
        }

        private static String envName(String flag) {
            return "VOUCH_" + flag.toUpperCase().replace('-', '_');
        }
    }
}
