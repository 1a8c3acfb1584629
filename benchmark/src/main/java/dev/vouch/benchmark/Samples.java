package dev.vouch.benchmark;

import java.util.Arrays;

/** Latencies of one measurement, in nanoseconds, with its count of failures and how long it ran. */
record Samples(long[] nanos, long failures, double seconds) {

    static Samples of(long[] nanos, int count, long failures, double seconds) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Samples(sorted, failures, seconds);
    }

    long count() {
        return nanos.length;
    }

    double perSecond() {
        return seconds <= 0 ? 0 : nanos.length / seconds;
    }

    /** The q-quantile (0.5, 0.99) in milliseconds, by the nearest-rank method. */
    double millis(double q) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank))] / 1e6;
    }
}
