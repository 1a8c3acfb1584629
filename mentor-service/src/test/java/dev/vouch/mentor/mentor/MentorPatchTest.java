package dev.vouch.mentor.mentor;

import dev.vouch.events.MentorRelationship;
import dev.vouch.kit.web.ApiException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MentorPatchTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    final MentorPatch patch = new MentorPatch(JSON, FACTORY.getValidator());
    final MentorDetails current = MentorDetailsTest.valid();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    MentorDetails apply(String json) {
        return patch.apply(current, JSON.readTree(json));
    }

    @Test
    void absentMembersAreKeptAndGivenOnesReplaced() {
        MentorDetails next = apply("{\"title\":\"Program Director\",\"ratings\":{\"standing\":5}}");

        assertThat(next.title()).isEqualTo("Program Director");
        assertThat(next.name()).isEqualTo(current.name());
        assertThat(next.ratings().standing()).isEqualTo(5);
        assertThat(next.ratings().firstHandKnowledge()).isEqualTo(current.ratings().firstHandKnowledge());
        assertThat(current.differences(next)).containsExactly("title", "ratings.standing");
    }

    @Test
    void nullClearsAFieldOrBringsBackItsDefault() {
        MentorDetails next = apply("{\"email\":null,\"stayInTouchDays\":null,\"relationship\":null,\"ratings\":null}");

        assertThat(next.email()).isNull();
        assertThat(next.stayInTouchDays()).isEqualTo(90);
        assertThat(next.relationship()).isEqualTo(MentorRelationship.OTHER);
        assertThat(next.ratings()).isEqualTo(Ratings.NONE);
    }

    @Test
    void anEmptyPatchChangesNothing() {
        assertThat(current.differences(apply("{}"))).isEmpty();
    }

    @Test
    void theResultIsValidatedLikeANewMentor() {
        assertThat(errorsOf("{\"name\":null}")).containsExactly(Map.of("field", "name", "message", "must not be blank"));
        assertThat(errorsOf("{\"stayInTouchDays\":400,\"email\":\"nope\"}")).extracting(e -> e.get("field"))
                .containsExactly("email", "stayInTouchDays");
        assertThat(errorsOf("{\"ratings\":{\"standing\":9}}")).extracting(e -> e.get("field"))
                .containsExactly("ratings.standing");
    }

    @Test
    void unknownMembersWrongTypesAndBadEnumsAreRefusedNamingTheField() {
        assertThat(errorsOf("{\"status\":\"ARCHIVED\"}")).extracting(e -> e.get("field")).containsExactly("status");
        assertThat(errorsOf("{\"stayInTouchDays\":\"often\"}")).extracting(e -> e.get("field"))
                .containsExactly("stayInTouchDays");
        assertThat(errorsOf("{\"relationship\":\"BFF\"}")).singleElement()
                .satisfies(e -> assertThat(e.get("message")).contains("BFF").contains("FACULTY"));
        assertThat(errorsOf("{\"ratings\":{\"standing\":\"high\"}}")).extracting(e -> e.get("field"))
                .containsExactly("ratings.standing");
        assertThat(errorsOf("[1,2]")).extracting(e -> e.get("field")).containsExactly("body");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> errorsOf(String json) {
        JsonNode body = JSON.readTree(json);
        ApiException error = catchThrowableOfType(ApiException.class, () -> patch.apply(current, body));
        assertThat(error).as("a 400 for " + json).isNotNull();
        assertThat(error.getStatusCode().value()).isEqualTo(400);
        return (List<Map<String, String>>) error.getBody().getProperties().get("errors");
    }
}
