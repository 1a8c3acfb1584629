package dev.vouch.local.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.vouch.local.deploy.DeployFiles.list;
import static dev.vouch.local.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/** deploy/prometheus/alerts.yml: the alerts operations relies on, each with a runbook that exists. */
class AlertRulesTest {

    private final Path root = DeployFiles.repoRoot();
    private final Map<String, Map<String, Object>> alerts = alerts(root.resolve("deploy/prometheus/alerts.yml"));

    @Test
    void theFourOperationalAlertsExistOnTheirMetrics() {
        assertThat(alerts).containsKeys("VouchDeadLettersGrowing", "VouchOutboxStale", "VouchConsumerLagHigh",
                "VouchReminderSchedulerNotRunning");
        assertThat(expr("VouchDeadLettersGrowing")).contains("vouch_events_dead_letters_total");
        assertThat(expr("VouchOutboxStale")).contains("vouch_outbox_oldest_age_seconds").contains("> 60");
        assertThat(expr("VouchConsumerLagHigh")).contains("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(expr("VouchReminderSchedulerNotRunning")).contains("vouch_reminders_scheduler_runs_total");
    }

    @Test
    void everyAlertHasASeveritySummaryDescriptionAndRunbook() {
        assertThat(alerts).allSatisfy((name, rule) -> {
            assertThat(String.valueOf(rule.get("expr"))).as("expr of %s", name).isNotBlank();
            assertThat(map(rule.get("labels")).get("severity")).as("severity of %s", name).isIn("warning", "critical");
            Map<String, Object> annotations = map(rule.get("annotations"));
            assertThat(annotations).as("annotations of %s", name).containsKeys("summary", "description", "runbook_url");
            assertThat(String.valueOf(annotations.get("runbook_url")))
                    .isEqualTo("docs/operations.md#" + name.toLowerCase(java.util.Locale.ROOT));
        });
    }

    @Test
    void everyRunbookAnchorIsASectionOfTheOperationsGuide() {
        Set<String> anchors = headingAnchors(DeployFiles.text(root.resolve("docs/operations.md")));
        assertThat(alerts.values()).allSatisfy(rule -> {
            String url = String.valueOf(map(rule.get("annotations")).get("runbook_url"));
            assertThat(anchors).as("docs/operations.md has a heading for %s", url).contains(url.substring(url.indexOf('#') + 1));
        });
    }

    @Test
    void prometheusLoadsTheRulesAndTheirUnitTestsCoverEveryAlert() {
        Map<String, Object> prometheus = DeployFiles.yaml(root.resolve("deploy/prometheus/prometheus.yml"));
        // Relative to prometheus.yml, so that it resolves in the container and from the repository alike.
        assertThat(list(prometheus.get("rule_files"))).containsExactly("alerts.yml");
        // promtool test rules deploy/prometheus/alerts-test.yml (needs promtool, so it is not run here)
        Map<String, Object> promtoolTests = DeployFiles.yaml(root.resolve("deploy/prometheus/alerts-test.yml"));
        assertThat(list(promtoolTests.get("rule_files"))).containsExactly("alerts.yml");
        Set<String> tested = list(promtoolTests.get("tests")).stream()
                .flatMap(test -> list(map(test).get("alert_rule_test")).stream())
                .map(check -> String.valueOf(map(check).get("alertname")))
                .collect(Collectors.toSet());
        assertThat(tested).containsAll(alerts.keySet());
    }

    private String expr(String alert) {
        return String.valueOf(alerts.get(alert).get("expr"));
    }

    static Map<String, Map<String, Object>> alerts(Path file) {
        Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
        List<Object> groups = list(DeployFiles.yaml(file).get("groups"));
        assertThat(groups).isNotEmpty();
        for (Object group : groups) {
            assertThat(map(group).get("name")).isNotNull();
            for (Object rule : list(map(group).get("rules"))) {
                Map<String, Object> fields = map(rule);
                if (fields.containsKey("alert")) {
                    assertThat(alerts.put(String.valueOf(fields.get("alert")), fields)).as("duplicate alert").isNull();
                }
            }
        }
        return alerts;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
    static Set<String> headingAnchors(String markdown) {
        List<String> anchors = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && line.matches("#{1,6} .*")) {
                String title = line.replaceFirst("#{1,6} ", "").strip().toLowerCase(java.util.Locale.ROOT);
                anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return Set.copyOf(anchors);
    }
}
