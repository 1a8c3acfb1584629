package dev.vouch.testsupport;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which filters the local stack's store answers from a unique index, by their shape. */
class QueryShapesTest {

    static final List<List<String>> INDEXES = List.of(List.of("_id"), List.of("_id", "version"),
            List.of("fireAt", "_id"), List.of("tenant", "studentId", "mentorId", "occurredAt", "_id"));

    @Test
    void aFilterIsShapedByItsFieldsWithBoundsAndListsMarked() {
        assertThat(shape("{_id: 'a', version: 3}")).containsExactlyInAnyOrder("_id", "version");
        assertThat(shape("{fireAt: {$lte: {$date: 0}}, $or: [{a: 1}]}"))
                .containsExactlyInAnyOrder(QueryShapes.upTo("fireAt"), "$or");
        assertThat(shape("{_id: {$in: ['a', 'b']}}")).containsExactly(QueryShapes.in("_id"));
        assertThat(shape("{fireAt: {$gte: {$date: 0}, $lte: {$date: 1}}}")).containsExactly(QueryShapes.condition("fireAt"));
        assertThat(shape("{'pendingEvents.0': {$exists: true}}")).containsExactly(QueryShapes.condition("pendingEvents.0"));
        assertThat(shape("{profile: {handle: 'h'}}")).as("a document as the value").containsExactly("profile");
        assertThat(shape("{}")).isEmpty();
    }

    @Test
    void exactKeysLeadingKeysAndABoundOnTheNextAreServed() {
        assertThat(served("{_id: 'a'}")).isTrue();
        assertThat(served("{_id: {$in: ['a']}}")).as("a list on a single-field index").isTrue();
        assertThat(served("{_id: 'a', version: 3}")).isTrue();
        assertThat(served("{_id: 'a', pendingEvents: 1}")).as("a whole key and more").isTrue();
        assertThat(served("{tenant: 't', studentId: 's', mentorId: 'm'}")).as("leading keys").isTrue();
        assertThat(served("{fireAt: {$lte: {$date: 0}}, $or: [{a: 1}]}")).as("a bound on the first key").isTrue();
    }

    @Test
    void aScanIsNotServed() {
        assertThat(served("{}")).isFalse();
        assertThat(served("{studentId: 's', mentorId: 'm'}")).as("not the first key").isFalse();
        assertThat(served("{fireAt: {$gte: {$date: 0}}}")).as("a lower bound").isFalse();
        assertThat(served("{_id: {$in: ['a']}, state: 'OPEN'}")).as("a list beside other fields").isFalse();
        assertThat(served("{'pendingEvents.0': {$exists: true}}")).isFalse();
        assertThat(served("{state: 'OPEN'}")).as("no index on it").isFalse();
    }

    private static Set<String> shape(String filter) {
        return QueryShapes.shape(BsonDocument.parse(filter));
    }

    private static boolean served(String filter) {
        return QueryShapes.isServed(INDEXES, shape(filter));
    }
}
