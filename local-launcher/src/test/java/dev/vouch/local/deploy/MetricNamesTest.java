package dev.vouch.local.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetricNamesTest {

    @Test
    void aSelectorWithMatchersAndARangeIsOneName() {
        assertThat(MetricNames.inPromQl(
                "sum by (type) (rate(vouch_events_published_total{outcome=\"success\", service=~\"$service\"}[$__rate_interval]))"))
                .containsExactly("vouch_events_published_total");
    }

    @Test
    void functionsOperatorsLabelsAndNumbersAreNotNames() {
        assertThat(MetricNames.inPromQl("""
                histogram_quantile(0.95, sum by (service, le) (rate(http_server_requests_seconds_bucket{uri!~"/actuator.*"}[5m])))
                > bool 1e-3 and on (service) group_left (kind) max without (instance) (vouch_reminders_open) * 60
                """)).containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "vouch_reminders_open");
    }

    @Test
    void offsetUnlessOrAndAbsentKeepEveryMetric() {
        assertThat(MetricNames.inPromQl("""
                sum by (service, topic) (increase(vouch_events_dead_letters_total[10m])) > 0
                or sum by (service, topic) (vouch_events_dead_letters_total unless vouch_events_dead_letters_total offset 10m)
                or absent(vouch_reminders_scheduler_runs_total)
                """)).containsExactlyInAnyOrder("vouch_events_dead_letters_total", "vouch_reminders_scheduler_runs_total");
    }

    @Test
    void aNameMatcherCountsAndStringsWithBracesDoNot() {
        assertThat(MetricNames.inPromQl("count({__name__=\"jvm_threads_live_threads\", x=\"{not_a_metric}\"})"))
                .containsExactly("jvm_threads_live_threads");
    }

    @Test
    void grafanaLabelValuesKeepsTheMetricNotTheLabel() {
        assertThat(MetricNames.inPromQl("label_values(vouch_outbox_backlog, service)")).containsExactly("vouch_outbox_backlog");
        assertThat(MetricNames.inPromQl("label_values(service)")).isEmpty();
    }

    @Test
    void histogramAndSummarySuffixesAreCutOnce() {
        assertThat(MetricNames.normalise("http_server_requests_seconds_bucket")).isEqualTo("http_server_requests_seconds");
        assertThat(MetricNames.normalise("vouch_reminders_derivation_lag_seconds_count")).isEqualTo("vouch_reminders_derivation_lag_seconds");
        assertThat(MetricNames.normalise("vouch_reminders_derivation_lag_seconds_sum")).isEqualTo("vouch_reminders_derivation_lag_seconds");
        assertThat(MetricNames.normalise("vouch_events_published_total")).isEqualTo("vouch_events_published_total");
        assertThat(MetricNames.normalise("vouch_reminders_derivation_lag_seconds_max")).isEqualTo("vouch_reminders_derivation_lag_seconds_max");
    }

    @Test
    void aScrapeExposesTheNamesOfItsSamples() {
        String scrape = """
                # HELP vouch_events_published_total Events sent to Kafka by the outbox relay
                # TYPE vouch_events_published_total counter
                vouch_events_published_total{outcome="success",service="mentor-service",type="MentorAdded"} 3.0
                # TYPE vouch_never_sampled gauge
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_bucket{le="0.1",service="mentor-service",uri="/api/v1/mentors"} 2
                http_server_requests_seconds_count{service="mentor-service",uri="/api/v1/mentors"} 2
                http_server_requests_seconds_sum{service="mentor-service",uri="/api/v1/mentors"} 0.04
                process_uptime_seconds 12.5
                """;
        assertThat(MetricNames.seriesIn(List.of(scrape))).containsExactlyInAnyOrder("vouch_events_published_total",
                "http_server_requests_seconds_bucket", "http_server_requests_seconds_count",
                "http_server_requests_seconds_sum", "process_uptime_seconds");
        assertThat(MetricNames.exposedIn(scrape)).containsExactlyInAnyOrder("vouch_events_published_total",
                "http_server_requests_seconds", "process_uptime_seconds");
    }

    @Test
    void usedByReadsAlertRulesAndEveryDashboardButNotPrometheusOwnSeries(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("deploy/prometheus"));
        Files.createDirectories(repo.resolve("deploy/grafana/dashboards"));
        Files.writeString(repo.resolve("deploy/prometheus/alerts.yml"), """
                groups:
                  - name: g
                    rules:
                      - record: job:vouch_backlog:sum
                        expr: sum by (job) (vouch_outbox_backlog)
                      - alert: A
                        expr: job:vouch_backlog:sum > 10 or up == 0
                """);
        Files.writeString(repo.resolve("deploy/grafana/dashboards/a.json"), """
                {"panels": [
                  {"type": "row", "panels": [
                    {"type": "timeseries", "targets": [{"expr": "rate(vouch_reminders_fired_total[$__rate_interval])"}]}]},
                  {"type": "timeseries", "targets": [
                    {"expr": "sum(rate(x_seconds_sum[1m])) / sum(rate(x_seconds_count[1m]))"}]}],
                 "annotations": {"list": [{"expr": "ALERTS{alertstate=\\"firing\\"}"}]},
                 "templating": {"list": [
                   {"type": "query", "query": {"query": "label_values(vouch_outbox_backlog, service)"}},
                   {"type": "custom", "query": "a,b,c"}]}}
                """);
        Files.writeString(repo.resolve("deploy/grafana/dashboards/notes.txt"), "not_a_dashboard");

        assertThat(MetricNames.seriesUsedBy(repo)).containsExactlyInAnyOrder("vouch_outbox_backlog",
                "vouch_reminders_fired_total", "x_seconds_sum", "x_seconds_count");
        assertThat(MetricNames.usedBy(repo)).containsExactlyInAnyOrder("vouch_outbox_backlog",
                "vouch_reminders_fired_total", "x_seconds");
    }

    @Test
    void theShippedDashboardAndAlertsUseTheseMetrics() {
        // The list the services must expose (docs/operations.md, Metrics). Change it together with them.
        assertThat(MetricNames.usedBy(DeployFiles.repoRoot())).containsExactlyInAnyOrder(
                "vouch_events_published_total",
                "vouch_events_consumed_total",
                "vouch_events_dead_letters_total",
                "vouch_outbox_backlog",
                "vouch_outbox_oldest_age_seconds",
                "kafka_consumer_fetch_manager_records_lag_max",
                "vouch_reminders_fired_total",
                "vouch_reminders_open",
                "vouch_reminders_scheduler_runs_total",
                "vouch_reminders_derivation_lag_seconds",
                "vouch_letters_transitions_total",
                "http_server_requests_seconds");
    }
}
