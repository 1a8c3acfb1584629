package dev.vouch.kit.sample;

import dev.vouch.kit.outbox.AggregateRoot;
import dev.vouch.kit.outbox.EventOutbox;
import dev.vouch.kit.outbox.StudentIndex;
import dev.vouch.kit.security.AccessScope;
import dev.vouch.testsupport.QueryShapes;
import dev.vouch.testsupport.VouchServiceTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A student's and a school's records, read through the listed collection's own unique index. */
@VouchServiceTest
class StudentIndexIT {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventOutbox outbox;
    @Autowired
    StudentIndex students;

    @Test
    void aStudentsListHoldsTheirRecordsOnlyAndASchoolsViewItsStudentsOnly() {
        String school = "school-" + UUID.randomUUID();
        String ana = "ana-" + UUID.randomUUID();
        String ben = "ben-" + UUID.randomUUID();
        String anasFirst = saved(school, ana);
        String anasSecond = saved(school, ana);
        String bens = saved(school, ben);
        saved("other-" + UUID.randomUUID(), ana); // the same student id at another school

        assertThat(ids(students.find(SampleMentor.class, new AccessScope(school, ana, null))))
                .containsExactlyInAnyOrder(anasFirst, anasSecond);
        assertThat(ids(students.find(SampleMentor.class, school, ben))).containsExactly(bens);
        assertThat(ids(students.findInTenant(SampleMentor.class, school)))
                .containsExactlyInAnyOrder(anasFirst, anasSecond, bens);
        assertThat(students.find(SampleMentor.class, school, "nobody")).isEmpty();
        assertThat(QueryShapes.uniqueIndexes(mongo.getDb(), "sample_mentors"))
                .contains(Set.of("tenant", "studentId", "_id"));
    }

    @Test
    void recordsStoredBeforeTheIndexExistedAreListedToo() {
        String school = "school-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        mongo.getCollection("sample_legacy").insertOne(new Document("_id", id).append("tenant", school)
                .append("studentId", "cam").append("name", "Dr. Okafor").append("version", 1L));

        assertThat(ids(students.find(LegacyMentor.class, school, "cam"))).containsExactly(id);
        assertThat(QueryShapes.uniqueIndexes(mongo.getDb(), "sample_legacy"))
                .contains(Set.of("tenant", "studentId", "_id"));
    }

    private String saved(String tenant, String studentId) {
        String id = UUID.randomUUID().toString();
        outbox.save(new SampleMentor(id, tenant, studentId, "Dr. Rivera"));
        return id;
    }

    private static List<String> ids(List<? extends AggregateRoot> records) {
        return records.stream().map(AggregateRoot::getId).toList();
    }

    /** A listed type whose collection held records before any service made the index. */
    @org.springframework.data.mongodb.core.mapping.Document("sample_legacy")
    static class LegacyMentor extends SampleMentor {
    }
}
