package dev.vouch.request.letter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlineJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsAStringOrADayInATimeZone() {
        assertThat(DeadlineJson.read(parse("\"2027-01-15T17:00:00Z\""))).isEqualTo(Instant.parse("2027-01-15T17:00:00Z"));
        assertThat(DeadlineJson.read(parse("{\"date\":\"2027-01-15\",\"timeZone\":\"Europe/Paris\"}")))
                .isEqualTo(Instant.parse("2027-01-15T22:59:59Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "1800000000", "true", "[]", "{}", "{\"date\":\"2027-01-15\"}", "{\"timeZone\":\"UTC\"}",
            "{\"date\":20270115,\"timeZone\":\"UTC\"}"})
    void anythingElseIsRefused(String json) {
        assertThatThrownBy(() -> DeadlineJson.read(parse(json))).isInstanceOf(InvalidDeadlineException.class);
    }

    /** As Jackson binds the untyped deadline property. */
    static Object parse(String json) {
        return JSON.readValue(json, Object.class);
    }

    @Test
    void anAbsentDeadlineIsMissing() {
        assertThatThrownBy(() -> DeadlineJson.read(null)).hasMessage("is required");
    }
}
