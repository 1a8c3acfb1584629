package dev.vouch.reminder.benchmark;

import dev.vouch.events.ContactType;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterMaterialsShared;
import dev.vouch.events.LetterSubmitted;
import dev.vouch.events.Material;
import dev.vouch.events.VouchEvent;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.reminder.ReminderServiceTest;
import dev.vouch.reminder.store.ProjectionStore;
import dev.vouch.reminder.stream.StreamDerivation;
import dev.vouch.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.vouch.reminder.Facts.contact;
import static dev.vouch.reminder.Facts.days;
import static dev.vouch.reminder.Facts.mentorAdded;
import static dev.vouch.reminder.Facts.requested;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the reminder service derives reminders from the stream, on the in-process Mongo server: a school's
 * worth of students, applied in Kafka-sized batches as the listener applies them. Not part of the test suite
 * (the name matches no test pattern); run it with
 * <pre>
 * ./mvnw -B verify -pl reminder-service -DskipImageCheck -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dit.test=DerivationBenchmark [-Dbenchmark.students=2000]
 * </pre>
 * and read the figures it prints, in {@code reminder-service/target/failsafe-reports/*DerivationBenchmark-output.txt}.
 * The target is 10,000 events a second on 2 cores.
 */
@ReminderServiceTest
class DerivationBenchmark {

    private static final int BATCH = 500;

    @Autowired
    StreamDerivation derivation;
    @Autowired
    ProjectionStore projections;
    @Autowired
    EventFactory events;
    @Autowired
    MutableClock clock;

    @Test
    void derivesASchoolsStream() {
        int students = Integer.getInteger("benchmark.students", 2000);
        apply(stream("warmup", 300), "warm-up");
        List<EventEnvelope<VouchEvent>> stream = stream("bench", students);
        apply(stream, "first delivery");
        apply(stream, "redelivered (duplicates)");
        // The figures are for reading; what is checked is that the stream was derived, not how fast.
        List<String> letters = new ArrayList<>();
        for (int s = 0; s < students; s++) {
            for (int l = 0; l < 4; l++) {
                letters.add("bench-student-" + s + "-letter-" + l);
            }
        }
        assertThat(projections.letters(letters)).hasSize(letters.size());
    }

    private void apply(List<EventEnvelope<VouchEvent>> stream, String what) {
        long started = System.nanoTime();
        for (int from = 0; from < stream.size(); from += BATCH) {
            derivation.apply(stream.subList(from, Math.min(stream.size(), from + BATCH)), clock.instant(), true);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = stream.size() / seconds;
        System.out.printf("DerivationBenchmark %-26s %,8d events in %6.2f s: %,9.0f events/s%n", what, stream.size(), seconds, rate);
    }

    /** Per student: 3 mentors, 3 contacts, 4 letters (asked 20 to 60 days ahead), materials, an answer, a submission. */
    private List<EventEnvelope<VouchEvent>> stream(String prefix, int students) {
        Instant now = clock.instant();
        List<EventEnvelope<VouchEvent>> stream = new ArrayList<>();
        for (int s = 0; s < students; s++) {
            String student = prefix + "-student-" + s;
            List<String> mentors = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                String mentor = student + "-mentor-" + m;
                mentors.add(mentor);
                stream.add(events.envelope(mentorAdded(mentor, "Dr. Mentor " + m, 90), "bench-school", student, 1));
                stream.add(events.envelope(contact(mentor, ContactType.MEETING, now.minus(days(10 + m * 40))),
                        "bench-school", student, 2));
            }
            for (int l = 0; l < 4; l++) {
                String letter = student + "-letter-" + l;
                String mentor = mentors.get(l % mentors.size());
                stream.add(events.envelope(requested(letter, mentor, now.plus(days(20 + 10L * l)), now.minus(Duration.ofHours(1)),
                        l % 2 == 0 ? Set.of() : Set.of(Material.CV)), "bench-school", student, 1));
                if (l == 1) {
                    stream.add(events.envelope(new LetterMaterialsShared(letter, mentor, Set.of(Material.CV,
                            Material.PERSONAL_STATEMENT)), "bench-school", student, 2));
                }
                if (l == 2) {
                    stream.add(events.envelope(new LetterAccepted(letter, mentor), "bench-school", student, 2));
                }
                if (l == 3) {
                    stream.add(events.envelope(new LetterSubmitted(letter, mentor), "bench-school", student, 2));
                }
            }
        }
        return stream;
    }
}
