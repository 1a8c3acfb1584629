package dev.vouch.mentor.ranking;

import dev.vouch.events.CloudEvents;
import dev.vouch.events.EventEnvelope;
import dev.vouch.events.LetterAccepted;
import dev.vouch.events.LetterDeclined;
import dev.vouch.events.LetterEvent;
import dev.vouch.events.LetterPurpose;
import dev.vouch.events.LetterRequested;
import dev.vouch.events.Topics;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.mentor.Student;
import dev.vouch.mentor.mentor.Mentor;
import dev.vouch.mentor.mentor.MentorDetails;
import dev.vouch.mentor.mentor.MentorRepository;
import dev.vouch.testsupport.ConsumerGroups;
import dev.vouch.testsupport.MutableClock;
import dev.vouch.testsupport.VouchServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ranking over HTTP, fed by letter events sent the way request-service publishes them. */
@VouchServiceTest
class RankingIT {

    static final String RATED = ",\"ratings\":{\"firstHandKnowledge\":4,\"standing\":4,\"articulatesPotential\":4,"
            + "\"relatableVoice\":4,\"willingToSupport\":4}";

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    EventFactory events;
    @Autowired
    MentorRepository mentors;
    @Autowired
    MutableClock clock;
    @Autowired
    Environment environment;

    @Test
    void aMentorContactedLastWeekWhoKnowsTheStudentsWorkOutranksAFamousNameNeverContacted() {
        Student student = Student.of(port);
        String famous = student.addMentor("{\"name\":\"Prof. Famous Name\",\"ratings\":{\"firstHandKnowledge\":1,"
                + "\"standing\":5}}").get("id").asString();
        String observer = student.addMentor("{\"name\":\"Dr. Kim Park\",\"relationship\":\"CLINICIAN_SHADOWED\","
                + "\"ratings\":{\"firstHandKnowledge\":5,\"standing\":2}}").get("id").asString();
        student.logContact(observer, "{\"type\":\"MEETING\",\"occurredAt\":\""
                + clock.instant().minus(Duration.ofDays(7)) + "\"}");
        String archived = student.addMentor("{\"name\":\"Dr. Archived Best\",\"ratings\":{\"firstHandKnowledge\":5,"
                + "\"standing\":5,\"articulatesPotential\":5,\"relatableVoice\":5,\"willingToSupport\":5}}").get("id").asString();
        student.api().delete("/api/v1/mentors/" + archived);

        JsonNode ranking = student.api().get("/api/v1/mentors/ranking").json();

        assertThat(ids(ranking)).containsExactly(observer, famous);
        JsonNode top = ranking.get("items").get(0);
        assertThat(top.get("rank").asInt()).isEqualTo(1);
        double sum = top.get("factors").valueStream().mapToDouble(factor -> factor.get("points").asDouble()).sum();
        assertThat(top.get("score").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.001));
        assertThat(top.get("factors").valueStream().map(factor -> factor.get("factor").asString())).containsExactly(
                "firstHandKnowledge", "willingToSupport", "articulatesPotential", "standing", "relatableVoice",
                "contactRecency", "contactDepth", "writerLoad", "declines");
        assertThat(top.get("factors").get(5).get("explanation").asString()).startsWith("Last contact 7 days ago");
        assertThat(ranking.get("items").get(1).get("factors").get(5).get("explanation").asString()).isEqualTo("Never contacted");
    }

    @Test
    void letterEventsCountOnceEvenWhenDeliveredTwiceOrBeforeTheirMentorExists() throws Exception {
        Student student = Student.of(port);
        String declinedOnce = student.addMentor("{\"name\":\"Dr. Declined\"" + RATED + "}").get("id").asString();
        String busy = student.addMentor("{\"name\":\"Dr. Busy\"" + RATED + "}").get("id").asString();
        String untouched = student.addMentor("{\"name\":\"Dr. Untouched\"" + RATED + "}").get("id").asString();
        String notYetKnown = UUID.randomUUID().toString();

        String l1 = UUID.randomUUID().toString();
        String l2 = UUID.randomUUID().toString();
        String l3 = UUID.randomUUID().toString();
        EventEnvelope<LetterRequested> requested = envelope(student, requested(l1, declinedOnce), 1);
        EventEnvelope<LetterDeclined> declined = envelope(student, new LetterDeclined(l1, declinedOnce), 2);
        send(student, requested);
        send(student, declined);
        send(student, requested); // redelivered: older than what is stored
        send(student, declined);  // redelivered: the same sequence again
        send(student, envelope(student, requested(l2, busy), 1));
        send(student, envelope(student, requested(l3, notYetKnown), 1));
        RecordMetadata last = send(student, envelope(student, new LetterAccepted(l3, notYetKnown), 2));

        // Same key, same partition: once the last record is consumed, every earlier one has been.
        String group = environment.getProperty("spring.kafka.consumer.group-id");
        ConsumerRecord<String, byte[]> lastRecord = new ConsumerRecord<>(last.topic(), last.partition(), last.offset(),
                student.id(), new byte[0]);
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsumerGroups.hasConsumed(group, lastRecord));
        // The mentor the letters named turns up only now (restored from elsewhere, say).
        Mentor late = Mentor.add(notYetKnown, student.tenant(), student.id(),
                new MentorDetails("Dr. Late", null, null, null, null, null, null, null, null, null),
                clock.instant());
        mentors.save(late);

        JsonNode ranking = student.api().get("/api/v1/mentors/ranking").json();

        assertThat(letters(ranking, declinedOnce)).isEqualTo(List.of(1, 0, 0, 1, 0));
        assertThat(letters(ranking, busy)).isEqualTo(List.of(1, 1, 0, 0, 0));
        assertThat(letters(ranking, untouched)).isEqualTo(List.of(0, 0, 0, 0, 0));
        assertThat(letters(ranking, notYetKnown)).isEqualTo(List.of(1, 1, 1, 0, 0));
        // Dr. Late is unrated with no known relationship and no contacts: its priors rank it below even a decline.
        assertThat(ids(ranking)).containsExactly(untouched, busy, declinedOnce, notYetKnown);
        assertThat(points(ranking, declinedOnce, "declines")).isEqualTo(-20.0);
        assertThat(points(ranking, busy, "writerLoad")).isEqualTo(-3.0);
        assertThat(score(ranking, untouched) - score(ranking, declinedOnce)).isCloseTo(20.0,
                org.assertj.core.data.Offset.offset(0.001));
    }

    private static LetterRequested requested(String letterId, String mentorId) {
        return new LetterRequested(letterId, mentorId, LetterPurpose.MEDICAL_SCHOOL, List.of("Lakeside SOM"),
                Instant.parse("2027-01-15T17:00:00Z"), true, Set.of(), false, false, Instant.parse("2026-11-01T10:00:00Z"));
    }

    private <E extends LetterEvent> EventEnvelope<E> envelope(Student student, E event, long sequence) {
        return events.envelope(event, student.tenant(), student.id(), sequence);
    }

    private RecordMetadata send(Student student, EventEnvelope<?> envelope) throws Exception {
        return kafka.send(new ProducerRecord<>(Topics.LETTERS, student.id(), CloudEvents.toCloudEvent(envelope)))
                .get().getRecordMetadata();
    }

    private static List<String> ids(JsonNode ranking) {
        return ranking.get("items").valueStream().map(item -> item.get("mentorId").asString()).toList();
    }

    private static JsonNode item(JsonNode ranking, String mentorId) {
        return ranking.get("items").valueStream().filter(item -> item.get("mentorId").asString().equals(mentorId))
                .findFirst().orElseThrow(() -> new AssertionError(mentorId + " is not ranked: " + ranking));
    }

    /** asked, open, accepted, declined, submitted */
    private static List<Integer> letters(JsonNode ranking, String mentorId) {
        JsonNode letters = item(ranking, mentorId).get("letters");
        return List.of(letters.get("asked").asInt(), letters.get("open").asInt(), letters.get("accepted").asInt(),
                letters.get("declined").asInt(), letters.get("submitted").asInt());
    }

    private static double points(JsonNode ranking, String mentorId, String factor) {
        return item(ranking, mentorId).get("factors").valueStream()
                .filter(f -> f.get("factor").asString().equals(factor)).findFirst().orElseThrow().get("points").asDouble();
    }

    private static double score(JsonNode ranking, String mentorId) {
        return item(ranking, mentorId).get("score").asDouble();
    }
}
