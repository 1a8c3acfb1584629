package dev.vouch.local.deploy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.vouch.local.deploy.DeployFiles.list;
import static dev.vouch.local.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/** deploy/grafana: the provisioned datasource and the Vouch dashboard. */
class DashboardTest {

    private final Path root = DeployFiles.repoRoot();
    private final JsonNode dashboard = DeployFiles.json(root.resolve("deploy/grafana/dashboards/vouch.json"));

    @Test
    void everyPanelHasAQueryOnTheProvisionedDatasource() {
        String datasourceUid = String.valueOf(map(list(DeployFiles.yaml(
                root.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")).get("datasources")).get(0)).get("uid"));
        List<JsonNode> panels = queryPanels();
        assertThat(panels).hasSizeGreaterThanOrEqualTo(8);
        assertThat(panels).allSatisfy(panel -> {
            String title = panel.path("title").asString();
            assertThat(title).isNotBlank();
            assertThat(panel.path("datasource").path("uid").asString()).as("datasource of %s", title).isEqualTo(datasourceUid);
            assertThat(panel.path("targets").values()).as("queries of %s", title).isNotEmpty()
                    .allSatisfy(target -> assertThat(target.path("expr").asString()).as("expr in %s", title).isNotBlank());
        });
    }

    @Test
    void panelsHaveDistinctIdsAndFitTheGrid() {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : allPanels()) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel id %s is unique", panel.path("id")).isTrue();
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as("width of %s", panel.path("title")).isBetween(1, 24);
            assertThat(grid.path("h").asInt()).isPositive();
        }
    }

    @Test
    void showsWhatOperationsAsksFor() {
        List<String> exprs = queryPanels().stream()
                .flatMap(panel -> panel.path("targets").values().stream())
                .map(target -> target.path("expr").asString())
                .toList();
        Map<String, String> panelByMetric = Map.of(
                "event rates by type", "vouch_events_published_total",
                "dead letters", "vouch_events_dead_letters_total",
                "outbox backlog", "vouch_outbox_backlog",
                "oldest pending age", "vouch_outbox_oldest_age_seconds",
                "consumer lag", "kafka_consumer_fetch_manager_records_lag_max",
                "reminders fired by kind", "vouch_reminders_fired_total",
                "open reminders", "vouch_reminders_open",
                "letters by status", "vouch_letters_transitions_total",
                "HTTP latency p95", "http_server_requests_seconds_bucket");
        panelByMetric.forEach((what, metric) ->
                assertThat(exprs).as(what).anySatisfy(expr -> assertThat(expr).contains(metric)));
        assertThat(exprs).anySatisfy(expr -> assertThat(expr).contains("histogram_quantile(0.95"));
    }

    @Test
    void grafanaProvisionsThisFolderUnderAStableUid() {
        assertThat(dashboard.path("uid").asString()).isEqualTo("vouch-overview");
        assertThat(dashboard.path("title").asString()).isEqualTo("Vouch");
        Map<String, Object> provider = map(list(DeployFiles.yaml(
                root.resolve("deploy/grafana/provisioning/dashboards/vouch.yml")).get("providers")).get(0));
        String path = String.valueOf(map(provider.get("options")).get("path"));
        Map<String, Object> grafana = map(map(DeployFiles.yaml(root.resolve("docker-compose.yml")).get("services")).get("grafana"));
        assertThat(list(grafana.get("volumes"))).contains("./deploy/grafana/dashboards:" + path + ":ro");
    }

    private List<JsonNode> queryPanels() {
        return allPanels().stream().filter(panel -> !"row".equals(panel.path("type").asString())).toList();
    }

    private List<JsonNode> allPanels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels").values()) {
            panels.add(panel);
            panel.path("panels").values().forEach(panels::add);
        }
        return panels;
    }
}
