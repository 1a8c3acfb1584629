package dev.vouch.mentor.mentor;

import dev.vouch.events.MentorRelationship;
import dev.vouch.events.MentorSource;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MentorDetailsTest {

    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    static MentorDetails valid() {
        return new MentorDetails("Dr. Ana Rivera", "ana.rivera@lakeside.edu", "Associate Program Director",
                "Internal Medicine", "Lakeside University Hospital", MentorRelationship.FACULTY,
                MentorSource.CURRENT_NETWORK, 60, "Met on the wards", new Ratings(5, 4, 4, 3, 5));
    }

    @Test
    void aCompleteMentorIsValid() {
        assertThat(VALIDATOR.validate(valid())).isEmpty();
    }

    @Test
    void onlyTheNameIsRequiredAndTheRestGetsDefaults() {
        MentorDetails details = new MentorDetails("  Dr. Lee ", null, " ", null, null, null, null, null, "", null);

        assertThat(VALIDATOR.validate(details)).isEmpty();
        assertThat(details.name()).isEqualTo("Dr. Lee");
        assertThat(details.title()).isNull();
        assertThat(details.notes()).isNull();
        assertThat(details.relationship()).isEqualTo(MentorRelationship.OTHER);
        assertThat(details.stayInTouchDays()).isEqualTo(MentorDetails.DEFAULT_STAY_IN_TOUCH_DAYS);
        assertThat(details.ratings()).isEqualTo(Ratings.NONE);
    }

    static Stream<Arguments> invalid() {
        MentorDetails v = valid();
        return Stream.of(
                Arguments.of("no name", new MentorDetails(null, v.email(), v.title(), v.specialty(), v.organization(),
                        v.relationship(), v.source(), v.stayInTouchDays(), v.notes(), v.ratings()), "name"),
                Arguments.of("blank name", new MentorDetails("   ", v.email(), v.title(), v.specialty(), v.organization(),
                        v.relationship(), v.source(), v.stayInTouchDays(), v.notes(), v.ratings()), "name"),
                Arguments.of("name over 200", new MentorDetails("x".repeat(201), v.email(), v.title(), v.specialty(),
                        v.organization(), v.relationship(), v.source(), v.stayInTouchDays(), v.notes(), v.ratings()), "name"),
                Arguments.of("bad email", new MentorDetails(v.name(), "not-an-email", v.title(), v.specialty(),
                        v.organization(), v.relationship(), v.source(), v.stayInTouchDays(), v.notes(), v.ratings()), "email"),
                Arguments.of("cadence under 7", new MentorDetails(v.name(), v.email(), v.title(), v.specialty(),
                        v.organization(), v.relationship(), v.source(), 6, v.notes(), v.ratings()), "stayInTouchDays"),
                Arguments.of("cadence over 365", new MentorDetails(v.name(), v.email(), v.title(), v.specialty(),
                        v.organization(), v.relationship(), v.source(), 366, v.notes(), v.ratings()), "stayInTouchDays"),
                Arguments.of("notes over 4000", new MentorDetails(v.name(), v.email(), v.title(), v.specialty(),
                        v.organization(), v.relationship(), v.source(), 90, "n".repeat(4001), v.ratings()), "notes"),
                Arguments.of("title over 200", new MentorDetails(v.name(), v.email(), "t".repeat(201), v.specialty(),
                        v.organization(), v.relationship(), v.source(), 90, v.notes(), v.ratings()), "title"),
                Arguments.of("rating 0", new MentorDetails(v.name(), v.email(), v.title(), v.specialty(),
                        v.organization(), v.relationship(), v.source(), 90, v.notes(), new Ratings(0, 3, 3, 3, 3)),
                        "ratings.firstHandKnowledge"),
                Arguments.of("rating 6", new MentorDetails(v.name(), v.email(), v.title(), v.specialty(),
                        v.organization(), v.relationship(), v.source(), 90, v.notes(), new Ratings(3, 3, 3, 3, 6)),
                        "ratings.willingToSupport"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void eachRuleNamesItsField(String rule, MentorDetails details, String field) {
        assertThat(VALIDATOR.validate(details)).extracting(ConstraintViolation::getPropertyPath)
                .extracting(Object::toString).containsExactly(field);
    }

    @Test
    void cadenceBoundsAreInclusive() {
        MentorDetails v = valid();
        for (int days : new int[] {7, 365}) {
            assertThat(VALIDATOR.validate(new MentorDetails(v.name(), null, null, null, null, null, null, days, null, null)))
                    .isEmpty();
        }
    }

    @Test
    void differencesNameTheChangedFieldsAndRatings() {
        MentorDetails before = valid();
        MentorDetails after = new MentorDetails(before.name(), before.email(), "Program Director", before.specialty(),
                before.organization(), before.relationship(), before.source(), 30, before.notes(),
                new Ratings(5, 5, 4, 3, 5));

        assertThat(before.differences(after)).containsExactly("title", "stayInTouchDays", "ratings.standing");
        assertThat(before.differences(valid())).isEmpty();
    }
}
