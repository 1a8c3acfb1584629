package dev.vouch.local;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Unique index keys as the store file keeps and orders them. */
class KeyValueTypeTest {

    private static final KeyValueType KEYS = KeyValueType.INSTANCE;

    @Test
    void keysOrderValueByValueAndReadBackAsWritten() {
        KeyValue early = new KeyValue(Instant.parse("2026-12-04T10:00:00Z"), "letter:b");
        KeyValue sameTime = new KeyValue(Instant.parse("2026-12-04T10:00:00Z"), "letter:c");
        KeyValue late = new KeyValue(Instant.parse("2026-12-05T10:00:00Z"), "letter:a");
        KeyValue text = new KeyValue("lakeside", "student-1");
        assertThat(KEYS.compare(early, sameTime)).isNegative();
        assertThat(KEYS.compare(late, sameTime)).isPositive();
        assertThat(KEYS.compare(early, new KeyValue(Instant.parse("2026-12-04T10:00:00Z"), "letter:b"))).isZero();
        // A shorter key sorts before the longer keys it starts: where a stretch of keys begins.
        assertThat(KEYS.compare(new KeyValue("lakeside"), text)).isNegative();
        // Values of different types order by type, either way round.
        assertThat(Integer.signum(KEYS.compare(text, early))).isEqualTo(-Integer.signum(KEYS.compare(early, text)));

        WriteBuffer out = new WriteBuffer();
        List<KeyValue> keys = List.of(early, late, text, new KeyValue(7.0, null));
        keys.forEach(key -> KEYS.write(out, key));
        ByteBuffer in = out.getBuffer().flip();
        for (KeyValue key : keys) {
            assertThat(KEYS.read(in)).isEqualTo(key);
        }
    }

    /**
     * The wire server's threads compare, size and write keys at once: dates (which H2 compares as serialized
     * objects) beside strings must compare alike on every thread, as they do on one.
     */
    @Test
    void keysCompareAlikeOnManyThreadsAtOnce() throws Exception {
        KeyValue early = new KeyValue(Instant.parse("2026-12-04T10:00:00Z"), "letter:b");
        KeyValue late = new KeyValue(Instant.parse("2026-12-05T10:00:00Z"), "letter:a");
        KeyValue student = new KeyValue("lakeside", "student-1");
        KeyValue other = new KeyValue("lakeside", "student-2");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(threads.submit((Callable<Integer>) () -> {
                    int wrong = 0;
                    for (int i = 0; i < 200_000; i++) {
                        wrong += KEYS.compare(early, late) < 0 ? 0 : 1;
                        wrong += KEYS.compare(student, other) < 0 ? 0 : 1;
                        wrong += KEYS.getMemory(student) > 0 && KEYS.getMemory(late) > 0 ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get()).as("comparisons that came out wrong").isZero();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
