package dev.vouch.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table the harness prints: each figure beside the baseline measured in the same run, their ratio, and
 * the target with how far the figure is from it.
 */
final class Report {

    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A figure with no target. */
    void add(String figure, String value, String baseline, String ratio) {
        rows.add(new String[] {figure, value, baseline, ratio, "", ""});
    }

    /**
     * A figure with a target: {@code atLeast} says whether more is better. The verdict says by how much it is
     * missed, as a share of the target.
     */
    void target(String figure, String value, String baseline, String ratio, double measured, double target,
                boolean atLeast, String targetText) {
        String verdict;
        if (Double.isNaN(measured) || Double.isNaN(target)) {
            verdict = "not measured"; // the figure, or its baseline (a part not run)
        } else if (atLeast ? measured >= target : measured <= target) {
            verdict = "met";
        } else {
            double off = atLeast ? (target - measured) / target : (measured - target) / target;
            verdict = String.format(Locale.ROOT, "MISSED by %.0f%%", off * 100);
        }
        rows.add(new String[] {figure, value, baseline, ratio, targetText, verdict});
    }

    void note(String note) {
        notes.add(note);
    }

    String render() {
        String[] head = {"figure", "measured", "baseline (same run)", "ratio", "target", "verdict"};
        int[] width = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            width[i] = head[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, head, width);
        String[] rule = new String[head.length];
        for (int i = 0; i < head.length; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        line(out, rule, width);
        rows.forEach(row -> line(out, row, width));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        out.append('|');
        for (int i = 0; i < cells.length; i++) {
            out.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
        }
        out.append('\n');
    }

    static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", perSecond, unit);
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String ratio(double a, double b) {
        return b <= 0 || Double.isNaN(a) || Double.isNaN(b) ? "n/a" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    static String seconds(double s) {
        return Double.isNaN(s) ? "n/a" : String.format(Locale.ROOT, "%.1f s", s);
    }

    static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
