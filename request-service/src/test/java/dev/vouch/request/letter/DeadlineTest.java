package dev.vouch.request.letter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2027-01-15T17:00:00Z                         | 2027-01-15T17:00:00Z",
            "2027-01-15T12:00:00-05:00                    | 2027-01-15T17:00:00Z",
            "2027-01-15T12:00:00-05:00[America/New_York]  | 2027-01-15T17:00:00Z",
            "2027-07-15T12:00:00-04:00[America/New_York]  | 2027-07-15T16:00:00Z",
            "2027-01-15T17:00:00.750Z                     | 2027-01-15T17:00:00Z"})
    void aDateTimeWithAnOffsetOrZoneIsOneInstantKeptToTheSecond(String text, String expected) {
        assertThat(Deadline.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-01-15", "2027-01-15T17:00:00", "tomorrow", "2027-13-01T00:00:00Z", "1800000000",
            "2027-01-15T12:00:00[America/New_York]"})
    void textThatDoesNotFixAnInstantIsRefused(String text) {
        assertThatThrownBy(() -> Deadline.parse(text))
                .isInstanceOf(InvalidDeadlineException.class)
                .hasMessageContaining(text);
    }

    @Test
    void aBlankDeadlineIsMissing() {
        assertThatThrownBy(() -> Deadline.parse(" ")).hasMessage("is required");
    }

    @Test
    void aDayInATimeZoneEndsAtItsLastSecondThere() {
        // 23:59:59 EST (UTC-5) in January, 23:59:59 EDT (UTC-4) in July.
        assertThat(Deadline.endOfDay("2027-01-15", "America/New_York")).isEqualTo(Instant.parse("2027-01-16T04:59:59Z"));
        assertThat(Deadline.endOfDay("2027-07-15", "America/New_York")).isEqualTo(Instant.parse("2027-07-16T03:59:59Z"));
        assertThat(Deadline.endOfDay("2027-01-15", "UTC")).isEqualTo(Instant.parse("2027-01-15T23:59:59Z"));
    }

    @Test
    void aBadDayOrTimeZoneIsNamedInTheMessage() {
        assertThatThrownBy(() -> Deadline.endOfDay("15/01/2027", "America/New_York")).hasMessageContaining("date '15/01/2027'");
        assertThatThrownBy(() -> Deadline.endOfDay("2027-01-15", "Mars/Olympus")).hasMessageContaining("timeZone 'Mars/Olympus'");
    }

    @Test
    void aDeadlineMustLieAfterNow() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertThatCode(() -> Deadline.requireFuture(now.plusSeconds(1), now)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Deadline.requireFuture(now, now)).hasMessageContaining("must be in the future");
        assertThatThrownBy(() -> Deadline.requireFuture(now.minusSeconds(1), now)).isInstanceOf(InvalidDeadlineException.class);
    }
}
