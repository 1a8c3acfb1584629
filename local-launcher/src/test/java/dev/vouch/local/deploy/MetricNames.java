package dev.vouch.local.deploy;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The metric names the shipped dashboards and alert rules depend on, and the ones a service exposes, so that a
 * test can check that every panel and alert has data behind it:
 *
 * <pre>{@code
 * Set<String> exposed = MetricNames.exposedIn(scrapeOfEachService);   // GET :908x/actuator/prometheus
 * assertThat(MetricNames.usedBy(repoRoot)).isSubsetOf(exposed);
 * }</pre>
 *
 * Both sides are normalised alike: {@code _bucket}, {@code _count} and {@code _sum} are cut off, so a timer or
 * histogram counts as one name. {@link #seriesUsedBy} and {@link #seriesIn} keep the exact series names for a
 * stricter check (e.g. that {@code http_server_requests_seconds_bucket} exists, which needs histograms on).
 * Series made by Prometheus itself ({@code up}, {@code ALERTS}, ...) and recording-rule outputs are left out:
 * no service can expose them. Counters that Micrometer creates on first use (dead letters, letter transitions,
 * reminders fired) appear in a scrape only after that first event.
 */
public final class MetricNames {

    /** Series Prometheus creates itself. */
    public static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS", "ALERTS_FOR_STATE");

    private static final Set<String> SUFFIXES = Set.of("_bucket", "_count", "_sum");

    /** Aggregation operators, binary operators and modifiers: identifiers that are not metrics. */
    private static final Set<String> KEYWORDS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio", "by", "without", "on",
            "ignoring", "group_left", "group_right", "offset", "bool", "and", "or", "unless", "atan2", "inf", "nan");

    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=\\s*\"([a-zA-Z_:][a-zA-Z0-9_:]*)\"");
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** Grafana's label_values(metric, label) and label_values(label): the label is not a metric. */
    private static final Pattern LABEL_VALUES = Pattern.compile(
            "label_values\\(\\s*(?:([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*)?[a-zA-Z_]\\w*\\s*\\)");
    private static final Pattern TOKEN = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*|\\d[\\w.]*|\\S");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{|\\s)");

    private MetricNames() {
    }

    /** Every metric name (normalised) that deploy/grafana/dashboards/*.json and deploy/prometheus/alerts.yml use. */
    public static Set<String> usedBy(Path repoRoot) {
        return normalised(seriesUsedBy(repoRoot));
    }

    /** Every series name exactly as written in the dashboards and alert rules, without Prometheus' own series. */
    public static Set<String> seriesUsedBy(Path repoRoot) {
        Set<String> names = new TreeSet<>();
        Set<String> recorded = new TreeSet<>();
        Path alerts = repoRoot.resolve("deploy/prometheus/alerts.yml");
        if (Files.isRegularFile(alerts)) {
            for (Object group : DeployFiles.list(DeployFiles.yaml(alerts).get("groups"))) {
                for (Object rule : DeployFiles.list(DeployFiles.map(group).get("rules"))) {
                    Map<String, Object> fields = DeployFiles.map(rule);
                    names.addAll(inPromQl(String.valueOf(fields.getOrDefault("expr", ""))));
                    if (fields.get("record") != null) {
                        recorded.add(String.valueOf(fields.get("record")));
                    }
                }
            }
        }
        for (Path dashboard : dashboards(repoRoot)) {
            queriesOf(DeployFiles.json(dashboard), names);
        }
        names.removeAll(SYNTHETIC);
        names.removeAll(recorded);
        return names;
    }

    /** Metric names (normalised) that have at least one sample in one or more Prometheus text scrapes. */
    public static Set<String> exposedIn(Collection<String> scrapes) {
        return normalised(seriesIn(scrapes));
    }

    public static Set<String> exposedIn(String scrape) {
        return exposedIn(Set.of(scrape));
    }

    /** Series names with at least one sample in Prometheus text format (0.0.4 or OpenMetrics); comments skipped. */
    public static Set<String> seriesIn(Collection<String> scrapes) {
        Set<String> names = new TreeSet<>();
        for (String scrape : scrapes) {
            scrape.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.find()) {
                    names.add(sample.group(1));
                }
            });
        }
        return names;
    }

    /** The metric names one PromQL expression (possibly with Grafana variables) selects, as written. */
    public static Set<String> inPromQl(String expression) {
        Set<String> names = new TreeSet<>();
        String expr = GRAFANA_VARIABLE.matcher(expression).replaceAll(" ");
        Matcher byName = NAME_MATCHER.matcher(expr);
        while (byName.find()) {
            names.add(byName.group(1));
        }
        expr = STRING.matcher(expr).replaceAll(" ");
        expr = LABEL_MATCHERS.matcher(expr).replaceAll(" ");
        expr = RANGE.matcher(expr).replaceAll(" ");
        expr = LABEL_LIST.matcher(expr).replaceAll(" ");
        expr = LABEL_VALUES.matcher(expr).replaceAll(result -> " " + (result.group(1) == null ? "" : result.group(1)) + " ");
        Matcher token = TOKEN.matcher(expr);
        while (token.find()) {
            String word = token.group();
            if (!Character.isLetter(word.charAt(0)) && word.charAt(0) != '_' && word.charAt(0) != ':') {
                continue;
            }
            if (KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT)) || isFunctionCall(expr, token.end())) {
                continue;
            }
            names.add(word);
        }
        return names;
    }

    /** Cuts one histogram/summary suffix: {@code x_bucket}, {@code x_count}, {@code x_sum} become {@code x}. */
    public static String normalise(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static Set<String> normalised(Set<String> names) {
        return names.stream().map(MetricNames::normalise).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isFunctionCall(String expr, int end) {
        int i = end;
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i < expr.length() && expr.charAt(i) == '(';
    }

    private static Set<Path> dashboards(Path repoRoot) {
        Path folder = repoRoot.resolve("deploy/grafana/dashboards");
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every "expr" anywhere (panels, nested rows, annotations) and the queries of query-type variables. */
    private static void queriesOf(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode expr = node.get("expr");
            if (expr != null && expr.isString()) {
                names.addAll(inPromQl(expr.stringValue()));
            }
            if ("query".equals(node.path("type").asString("")) && node.has("query")) {
                JsonNode query = node.get("query");
                String text = query.isString() ? query.stringValue() : query.path("query").asString("");
                names.addAll(inPromQl(text));
            }
        }
        node.values().forEach(child -> queriesOf(child, names));
    }
}
