package dev.vouch.local.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.vouch.local.deploy.DeployFiles.list;
import static dev.vouch.local.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml can only be run where Docker is; these checks catch what breaks it before that. */
class ComposeFileTest {

    static final Map<String, Integer> VOUCH_SERVICES = Map.of(
            "mentor-service", 9081, "request-service", 9082, "reminder-service", 9083);
    private static final Set<String> DEMO_VALUES = Set.of("admin", "demo", "vouch", "student", "advisor", "operator");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)password|secret|token|credential|private|api_?key");
    private static final Pattern DEFAULTED_VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+(?::?-([^}]*))?}");

    private final Path root = DeployFiles.repoRoot();
    private final Map<String, Object> compose = DeployFiles.yaml(root.resolve("docker-compose.yml"));
    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void declaresTheWholeDeployment() {
        assertThat(services).containsKeys("kafka", "mongo", "keycloak", "prometheus", "grafana",
                "mentor-service", "request-service", "reminder-service");
    }

    @Test
    void everyServiceHasAHealthCheck() {
        services.forEach((name, service) -> {
            Map<String, Object> healthcheck = map(map(service).get("healthcheck"));
            assertThat(healthcheck).as("healthcheck of %s", name).containsKey("test");
            assertThat(healthcheck.get("disable")).as("healthcheck of %s", name).isNotEqualTo(true);
            assertThat(list(healthcheck.get("test"))).as("healthcheck test of %s", name).isNotEmpty();
        });
    }

    @Test
    void everyServiceHasAMemoryLimit() {
        services.forEach((name, service) -> {
            Object limit = map(service).get("mem_limit");
            if (limit == null) {
                limit = map(map(map(map(service).get("deploy")).get("resources")).get("limits")).get("memory");
            }
            assertThat(limit).as("mem_limit or deploy.resources.limits.memory of %s", name).isNotNull();
            assertThat(bytes(String.valueOf(limit))).as("memory limit of %s", name).isBetween(64L << 20, 8L << 30);
        });
    }

    @Test
    void theVouchServicesSizeTheirJvmBelowTheLimit() {
        VOUCH_SERVICES.keySet().forEach(name -> {
            String options = environment(name).get("JAVA_TOOL_OPTIONS");
            assertThat(options).as("JAVA_TOOL_OPTIONS of %s", name).contains("-XX:MaxRAMPercentage=");
            Matcher percent = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
            assertThat(percent.find()).isTrue();
            assertThat(Integer.parseInt(percent.group(1))).as("heap share of %s", name).isBetween(40, 75);
        });
    }

    @Test
    void everyBindMountedPathExistsInTheRepository() {
        List<String> sources = new ArrayList<>();
        services.forEach((name, service) -> list(map(service).get("volumes")).forEach(volume -> {
            String source = volume instanceof String text ? text.split(":")[0]
                    : "bind".equals(map(volume).get("type")) ? String.valueOf(map(volume).get("source")) : "";
            if (source.startsWith(".") || source.startsWith("/") || source.startsWith("~")) {
                sources.add(source);
            }
        }));
        assertThat(sources).isNotEmpty();
        assertThat(sources).allSatisfy(source -> {
            assertThat(source).as("bind mounts stay inside deploy/").startsWith("./deploy/");
            assertThat(root.resolve(source).normalize()).as("bind-mounted %s", source).exists();
        });
    }

    @Test
    void startOrderWaitsForHealthyDependencies() {
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            Object dependsOn = map(service).get("depends_on");
            if (dependsOn != null) {
                assertThat(dependsOn).as("depends_on of %s uses the long form with a condition", name).isInstanceOf(Map.class);
            }
        });
        services.forEach((name, service) -> {
            Map<String, Object> dependsOn = map(map(service).get("depends_on"));
            dependsOn.forEach((dependency, how) -> {
                assertThat(map(how).get("condition")).as("%s -> %s", name, dependency).isEqualTo("service_healthy");
                assertThat(services).as("%s depends on a declared service", name).containsKey(dependency);
                dependencies.computeIfAbsent(name, n -> new ArrayList<>()).add(dependency);
            });
        });
        VOUCH_SERVICES.keySet().forEach(name ->
                assertThat(dependencies.get(name)).as("%s starts after", name).contains("kafka", "mongo"));
        assertThat(dependencies.get("grafana")).contains("prometheus");
    }

    @Test
    void theVouchServicesAreConfiguredByEnvironmentOnly() {
        VOUCH_SERVICES.forEach((name, managementPort) -> {
            Map<String, Object> service = map(services.get(name));
            assertThat(String.valueOf(service.get("image"))).isEqualTo("vouch/" + name + ":${VOUCH_VERSION:-0.1.0-SNAPSHOT}");
            assertThat(service).as("%s has no mounted files and no env_file", name).doesNotContainKeys("volumes", "env_file", "configs");
            Map<String, String> environment = environment(name);
            assertThat(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).startsWith("kafka:");
            assertThat(environment.get("SPRING_MONGODB_URI")).startsWith("mongodb://mongo:27017/vouch_").endsWith("?replicaSet=rs0&w=majority&journal=true");
            assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")).endsWith("/realms/vouch");
            assertThat(environment.get("MANAGEMENT_SERVER_PORT")).isEqualTo(String.valueOf(managementPort));
            String check = String.join(" ", list(map(service.get("healthcheck")).get("test")).stream().map(String::valueOf).toList());
            assertThat(check).as("%s is healthy when ready (Kafka and MongoDB up)", name)
                    .contains("/" + managementPort).contains("/actuator/health/readiness");
        });
    }

    @Test
    void theMongoDatabasesAreDistinct() {
        assertThat(VOUCH_SERVICES.keySet().stream().map(name -> environment(name).get("SPRING_MONGODB_URI")).distinct())
                .hasSize(VOUCH_SERVICES.size());
    }

    @Test
    void mongoIsAReplicaSetThatInitiatesItself() {
        Map<String, Object> mongo = map(services.get("mongo"));
        assertThat(list(mongo.get("command"))).contains("--replSet", "rs0");
        assertThat(String.join(" ", list(map(mongo.get("healthcheck")).get("test")).stream().map(String::valueOf).toList()))
                .contains("rs.initiate").contains("_id: 'rs0'").contains("mongo:27017");
    }

    @Test
    void kafkaRunsKraftInCombinedMode() {
        Map<String, Object> kafka = map(services.get("kafka"));
        assertThat(String.valueOf(kafka.get("image"))).startsWith("apache/kafka:");
        Map<String, String> environment = environment("kafka");
        assertThat(environment.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(environment).containsKeys("CLUSTER_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS");
        assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS")).contains("kafka:");
    }

    @Test
    void keycloakImportsTheRealmFileIssuingTheTokensTheServicesTrust() {
        Map<String, Object> keycloak = map(services.get("keycloak"));
        assertThat(list(keycloak.get("command"))).contains("--import-realm");
        assertThat(list(keycloak.get("volumes"))).anySatisfy(volume ->
                assertThat(String.valueOf(volume)).startsWith("./deploy/keycloak/vouch-realm.json:/opt/keycloak/data/import/"));
        String issuer = environment("keycloak").get("KC_HOSTNAME") + "/realms/"
                + DeployFiles.json(root.resolve("deploy/keycloak/vouch-realm.json")).path("realm").asString();
        VOUCH_SERVICES.keySet().forEach(name ->
                assertThat(environment(name).get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")).isEqualTo(issuer));
    }

    @Test
    void prometheusScrapesEveryManagementPortAndGrafanaLoadsTheRepositoryFiles() {
        Map<String, Object> prometheus = DeployFiles.yaml(root.resolve("deploy/prometheus/prometheus.yml"));
        List<String> targets = new ArrayList<>();
        list(prometheus.get("scrape_configs")).forEach(job -> {
            Map<String, Object> scrape = map(job);
            if (VOUCH_SERVICES.containsKey(String.valueOf(scrape.get("job_name")))) {
                assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
            }
            list(scrape.get("static_configs")).forEach(config -> list(map(config).get("targets")).forEach(t -> targets.add(String.valueOf(t))));
        });
        VOUCH_SERVICES.forEach((name, port) -> assertThat(targets).contains(name + ":" + port));
        assertThat(list(map(services.get("prometheus")).get("volumes"))).contains("./deploy/prometheus:/etc/prometheus:ro");
        // Relative to prometheus.yml: /etc/prometheus/alerts.yml in the container, where deploy/prometheus is mounted.
        assertThat(list(prometheus.get("rule_files"))).contains("alerts.yml");
        assertThat(root.resolve("deploy/prometheus/alerts.yml")).exists();
    }

    @Test
    void noSecretsBeyondObviousDemoValues() {
        String text = DeployFiles.text(root.resolve("docker-compose.yml"));
        assertThat(text).doesNotContain("PRIVATE KEY");
        services.keySet().forEach(name -> environment(name).forEach((key, value) -> {
            if (SECRET_NAME.matcher(key).find()) {
                Matcher variable = DEFAULTED_VARIABLE.matcher(value);
                String effective = variable.matches() ? variable.group(1) : value;
                assertThat(effective == null || DEMO_VALUES.contains(effective))
                        .as("%s.%s is a demo value or comes from the environment, not %s", name, key, value).isTrue();
            }
        }));
    }

    private Map<String, String> environment(String service) {
        Object environment = map(services.get(service)).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> result.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else {
            list(environment).forEach(entry -> {
                String[] pair = String.valueOf(entry).split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : null);
            });
        }
        return result;
    }

    /** Compose byte values: 512m, 1g, 768M, 1gb, plain bytes. */
    static long bytes(String value) {
        Matcher size = Pattern.compile("(\\d+)\\s*([bkmg]?)b?").matcher(value.trim().toLowerCase(Locale.ROOT));
        assertThat(size.matches()).as("memory size %s", value).isTrue();
        long amount = Long.parseLong(size.group(1));
        return switch (size.group(2)) {
            case "k" -> amount << 10;
            case "m" -> amount << 20;
            case "g" -> amount << 30;
            default -> amount;
        };
    }
}
