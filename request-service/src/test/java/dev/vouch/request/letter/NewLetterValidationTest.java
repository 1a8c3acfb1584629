package dev.vouch.request.letter;

import dev.vouch.events.LetterPurpose;
import dev.vouch.events.Material;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape rules of a new letter, checked by Bean Validation before anything else happens. */
class NewLetterValidationTest {

    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    /** A valid letter's fields, to break one at a time. */
    static final class Fields {
        String mentorId = "mentor-1";
        LetterPurpose purpose = LetterPurpose.MEDICAL_SCHOOL;
        List<String> targets = List.of("Lakeside School of Medicine");
        Object deadline = "2027-01-15T17:00:00Z";
        Boolean waiverSigned = true;
        Set<Material> materials = Set.of(Material.CV);
        String message = "Thank you for considering it!";
        Boolean planned = false;

        NewLetter letter() {
            return new NewLetter(mentorId, purpose, targets, deadline, waiverSigned, materials, message, planned, null, null);
        }
    }

    static NewLetter with(Consumer<Fields> change) {
        Fields fields = new Fields();
        change.accept(fields);
        return fields.letter();
    }

    static Arguments broken(String field, Consumer<Fields> change) {
        return Arguments.of(field, with(change));
    }

    static Stream<Arguments> brokenLetters() {
        return Stream.of(
                broken("mentorId", f -> f.mentorId = null),
                broken("mentorId", f -> f.mentorId = " "),
                broken("mentorId", f -> f.mentorId = "m".repeat(101)),
                broken("purpose", f -> f.purpose = null),
                broken("targets", f -> f.targets = IntStream.range(0, 51).mapToObj(i -> "School " + i).toList()),
                broken("targets[1]", f -> f.targets = List.of("Lakeside", " ")),
                broken("targets[0]", f -> f.targets = List.of("x".repeat(201))),
                broken("deadline", f -> f.deadline = null),
                broken("waiverSigned", f -> f.waiverSigned = null),
                broken("materials", f -> f.materials = new HashSet<>(Collections.singleton(null))),
                broken("message", f -> f.message = "x".repeat(4001)));
    }

    @Test
    void aCompleteLetterIsValid() {
        assertThat(VALIDATOR.validate(new Fields().letter())).isEmpty();
    }

    @Test
    void targetsMaterialsMessageAndPlannedAreOptional() {
        assertThat(VALIDATOR.validate(with(f -> {
            f.targets = null;
            f.materials = null;
            f.message = null;
            f.planned = null;
        }))).isEmpty();
    }

    @Test
    void theLimitsAreInclusive() {
        assertThat(VALIDATOR.validate(with(f -> {
            f.targets = IntStream.range(0, 50).mapToObj(i -> "x".repeat(200)).toList();
            f.message = "x".repeat(4000);
            f.mentorId = "m".repeat(100);
        }))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenLetters")
    void eachBrokenRuleNamesItsField(String field, NewLetter letter) {
        Set<ConstraintViolation<NewLetter>> violations = VALIDATOR.validate(letter);
        // Hibernate Validator appends "<list element>" to paths of elements; Spring reports them as e.g. targets[1].
        assertThat(violations).singleElement().satisfies(violation ->
                assertThat(violation.getPropertyPath().toString()).startsWith(field));
    }
}
