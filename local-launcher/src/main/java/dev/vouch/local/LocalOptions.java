package dev.vouch.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it takes. Each is a flag, or an environment variable
 * named after it (flags win): {@code --data-dir} / {@code VOUCH_DATA_DIR}, {@code --kafka-port} /
 * {@code VOUCH_KAFKA_PORT}, ... ({@code ./run-local.sh --help} lists them all with their defaults).
 * {@code --issuer-uri} (and optionally {@code --jwk-set-uri}) make the services trust an identity provider instead
 * of the stack's own key.
 */
public record LocalOptions(
        Path dataDir,
        Path servicesDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int launcherPort,
        List<ServiceSpec> services,
        boolean demo,
        boolean mongoFsync,
        int maxRestarts,
        List<String> extraServiceArgs,
        String issuerUri,
        String jwkSetUri) {

    /** With {@code --issuer-uri} the services trust that OpenID Connect issuer and have no {@code /dev/token}. */
    public boolean externalIssuer() {
        return issuerUri != null;
    }

    /** Extra instances of a service take its ports plus this, times the instance's number less one. */
    static final int INSTANCE_PORT_STEP = 100;

    /**
     * One running copy of a service: its name, its instance number (1 for the first), API port and management
     * (actuator) port. Instances of a service share its database and consumer group.
     */
    public record ServiceSpec(String name, int instance, int port, int managementPort) {

        public ServiceSpec(String name, int port, int managementPort) {
            this(name, 1, port, managementPort);
        }

        /** The service's name, with the instance number from the second instance on ({@code reminder-service-2}). */
        public String id() {
            return instance == 1 ? name : name + "-" + instance;
        }

        public String database() {
            return databaseOf(name);
        }
    }

    static String databaseOf(String service) {
        return switch (service) {
            case "mentor-service" -> "vouch_mentors";
            case "request-service" -> "vouch_requests";
            case "reminder-service" -> "vouch_reminders";
            default -> "vouch_" + service.replace('-', '_');
        };
    }

    static final List<String> SERVICES = List.of("mentor-service", "request-service", "reminder-service");

    public static LocalOptions parse(String[] args, Map<String, String> env) {
        Flags flags = new Flags();
        CommandLine line = commandLine(flags, env);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return flags.options();
    }

    /** The command line of the local stack's options, defaults read from {@code env} as {@code VOUCH_*} variables. */
    static CommandLine commandLine(Object command, Map<String, String> env) {
        return new CommandLine(command).setDefaultValueProvider(new EnvironmentDefaults(env));
    }

    /** {@code --kafka-port} is {@code VOUCH_KAFKA_PORT}. */
    static String environmentName(String option) {
        return "VOUCH_" + option.replaceFirst("^--", "").toUpperCase().replace('-', '_');
    }

    /** A value from the environment where there is one, else the option's own default. */
    private record EnvironmentDefaults(Map<String, String> env) implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argSpec) {
            if (argSpec instanceof OptionSpec option) {
                String value = env.get(environmentName(option.longestName()));
                if (value != null) {
                    return value;
                }
            }
            return argSpec.defaultValue();
        }
    }

    /** The options of the stack; also the start command's. */
    @Command(sortOptions = false)
    static class Flags {

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
                description = "Data folder: Kafka's log, the MongoDB file, keys, logs. Env VOUCH_DATA_DIR. Default: ${DEFAULT-VALUE}")
        Path dataDir;

        @Option(names = "--services-dir", paramLabel = "DIR",
                description = "Folder of the services' runnable jars. Env VOUCH_SERVICES_DIR. Default: beside the launcher's jar")
        Path servicesDir;

        @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092", converter = PortConverter.class,
                description = "Kafka broker. Env VOUCH_KAFKA_PORT. Default: ${DEFAULT-VALUE}")
        int kafkaPort;

        @Option(names = "--kafka-controller-port", paramLabel = "PORT", converter = PortConverter.class,
                description = "Kafka's KRaft controller. Env VOUCH_KAFKA_CONTROLLER_PORT. Default: the Kafka port + 1")
        Integer kafkaControllerPort;

        @Option(names = "--mongo-port", paramLabel = "PORT", defaultValue = "27017", converter = PortConverter.class,
                description = "MongoDB wire server. Env VOUCH_MONGO_PORT. Default: ${DEFAULT-VALUE}")
        int mongoPort;

        @Option(names = "--mentor-port", paramLabel = "PORT", defaultValue = "8081", converter = PortConverter.class,
                description = "mentor-service API. Env VOUCH_MENTOR_PORT. Default: ${DEFAULT-VALUE}")
        int mentorPort;

        @Option(names = "--mentor-management-port", paramLabel = "PORT", defaultValue = "9081", converter = PortConverter.class,
                description = "mentor-service health and metrics. Env VOUCH_MENTOR_MANAGEMENT_PORT. Default: ${DEFAULT-VALUE}")
        int mentorManagementPort;

        @Option(names = "--request-port", paramLabel = "PORT", defaultValue = "8082", converter = PortConverter.class,
                description = "request-service API. Env VOUCH_REQUEST_PORT. Default: ${DEFAULT-VALUE}")
        int requestPort;

        @Option(names = "--request-management-port", paramLabel = "PORT", defaultValue = "9082", converter = PortConverter.class,
                description = "request-service health and metrics. Env VOUCH_REQUEST_MANAGEMENT_PORT. Default: ${DEFAULT-VALUE}")
        int requestManagementPort;

        @Option(names = "--reminder-port", paramLabel = "PORT", defaultValue = "8083", converter = PortConverter.class,
                description = "reminder-service API. Env VOUCH_REMINDER_PORT. Default: ${DEFAULT-VALUE}")
        int reminderPort;

        @Option(names = "--reminder-management-port", paramLabel = "PORT", defaultValue = "9083", converter = PortConverter.class,
                description = "reminder-service health and metrics. Env VOUCH_REMINDER_MANAGEMENT_PORT. Default: ${DEFAULT-VALUE}")
        int reminderManagementPort;

        @Option(names = "--launcher-port", paramLabel = "PORT", defaultValue = "9080", converter = PortConverter.class,
                description = "The launcher's status (GET /status) and control, used by rebuild. Env VOUCH_LAUNCHER_PORT. Default: ${DEFAULT-VALUE}")
        int launcherPort;

        @Option(names = "--instances", paramLabel = "SERVICE=N", split = ",",
                description = "Run N instances of a service in one consumer group (e.g. reminder-service=2); instance k takes "
                        + "the service's ports + " + INSTANCE_PORT_STEP + "*(k-1). Env VOUCH_INSTANCES. Default: one of each")
        Map<String, Integer> instances = new LinkedHashMap<>();

        @Option(names = "--demo", defaultValue = "false",
                description = "Seed a demo student through the API once the stack is up. Env VOUCH_DEMO. Default: ${DEFAULT-VALUE}")
        boolean demo;

        @Option(names = "--mongo-fsync", defaultValue = "false",
                description = "Force each commit of the MongoDB file to disk: also survives a power loss, at a far "
                        + "lower write rate. Env VOUCH_MONGO_FSYNC. Default: ${DEFAULT-VALUE}")
        boolean mongoFsync;

        @Option(names = "--max-restarts", paramLabel = "N", defaultValue = "5",
                description = "A service that exits unexpectedly is restarted with a growing delay (1 s to 30 s); after N "
                        + "failures in a row it is given up. Env VOUCH_MAX_RESTARTS. Default: ${DEFAULT-VALUE}")
        int maxRestarts;

        @Option(names = "--issuer-uri", paramLabel = "URL", converter = UrlConverter.class,
                description = "Trust this OpenID Connect issuer (e.g. a Keycloak realm) instead of the stack's own key: "
                        + "no /dev/token then. Env VOUCH_ISSUER_URI. Default: none")
        String issuerUri;

        @Option(names = "--jwk-set-uri", paramLabel = "URL", converter = UrlConverter.class,
                description = "The issuer's signing keys, when not at its discovery document's jwks_uri (needs "
                        + "--issuer-uri). Env VOUCH_JWK_SET_URI. Default: from the issuer")
        String jwkSetUri;

        @Option(names = "--service-arg", paramLabel = "ARG",
                description = "Passed to every service (repeatable), e.g. --service-arg=--logging.level.dev.vouch=DEBUG. "
                        + "Env VOUCH_SERVICE_ARG (one argument). Default: none")
        List<String> serviceArgs = new ArrayList<>();

        LocalOptions options() {
            if (jwkSetUri != null && issuerUri == null) {
                throw new IllegalArgumentException("--jwk-set-uri needs --issuer-uri: the services check every token's issuer");
            }
            if (maxRestarts < 0) {
                throw new IllegalArgumentException("--max-restarts must not be negative, not " + maxRestarts);
            }
            List<ServiceSpec> services = new ArrayList<>();
            addInstances(services, "mentor-service", mentorPort, mentorManagementPort);
            addInstances(services, "request-service", requestPort, requestManagementPort);
            addInstances(services, "reminder-service", reminderPort, reminderManagementPort);
            for (String unknown : instances.keySet()) {
                if (!SERVICES.contains(unknown)) {
                    throw new IllegalArgumentException("--instances names an unknown service '" + unknown + "' (one of " + SERVICES + ")");
                }
            }
            return new LocalOptions(
                    dataDir.toAbsolutePath().normalize(),
                    (servicesDir == null ? Path.of(defaultServicesDir()) : servicesDir).toAbsolutePath().normalize(),
                    kafkaPort,
                    kafkaControllerPort == null ? kafkaPort + 1 : kafkaControllerPort,
                    mongoPort,
                    launcherPort,
                    List.copyOf(services),
                    demo,
                    mongoFsync,
                    maxRestarts,
                    List.copyOf(serviceArgs),
                    issuerUri,
                    jwkSetUri);
        }

        private void addInstances(List<ServiceSpec> services, String name, int port, int managementPort) {
            int count = instances.getOrDefault(name, 1);
            if (count < 1 || count > 9) {
                throw new IllegalArgumentException("--instances " + name + " must be between 1 and 9, not " + count);
            }
            for (int instance = 1; instance <= count; instance++) {
                int offset = INSTANCE_PORT_STEP * (instance - 1);
                services.add(new ServiceSpec(name, instance, port + offset, managementPort + offset));
            }
        }
    }

    /** An http(s) URL; blank means not given. */
    static final class UrlConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                return null;
            }
            if (!value.startsWith("http://") && !value.startsWith("https://")) {
                throw new CommandLine.TypeConversionException("must be an http(s) URL, not '" + value + "'");
            }
            return value;
        }
    }

    /** A TCP port number: 0 to 65535. */
    static final class PortConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new CommandLine.TypeConversionException("must be a port number, not '" + value + "'");
        }
    }

    /** The services' jars are copied beside the launcher jar ({@code java -jar .../vouch-local.jar}) at build time. */
    private static String defaultServicesDir() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            return Path.of(classPath).toAbsolutePath().resolveSibling("services").toString();
        }
        return "local-launcher/target/services";
    }
}
