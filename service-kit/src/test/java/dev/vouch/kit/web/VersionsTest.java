package dev.vouch.kit.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

    @Test
    void theEtagIsTheQuotedVersionAndIfMatchAcceptsStrongWeakOrBareForms() {
        assertThat(Versions.etag(3)).isEqualTo("\"3\"");
        assertThat(Versions.parse("\"3\"")).isEqualTo(3);
        assertThat(Versions.parse("W/\"3\"")).isEqualTo(3);
        assertThat(Versions.parse("3")).isEqualTo(3);
        Versions.requireMatch("\"3\"", 3);
    }

    @Test
    void aMissingIfMatchIs428AndAStaleOneIs412() {
        assertThatThrownBy(() -> Versions.requireMatch(null, 3)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> Versions.requireMatch("\"2\"", 3)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
                    assertThat(e.getBody().getProperties()).containsEntry("currentVersion", 3L);
                });
        assertThatThrownBy(() -> Versions.requireMatch("\"abc\"", 3)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
    }
}
