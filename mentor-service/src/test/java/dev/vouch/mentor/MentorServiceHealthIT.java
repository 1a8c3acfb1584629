package dev.vouch.mentor;

import dev.vouch.testsupport.ApiClient;
import dev.vouch.testsupport.VouchServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@VouchServiceTest
class MentorServiceHealthIT {

    @LocalServerPort
    int port;

    @Test
    void readinessIsUpWithKafkaAndMongo() {
        ApiClient.Response readiness = new ApiClient(port).get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        JsonNode components = readiness.json().get("components");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("mongo").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void livenessDoesNotDependOnKafkaOrMongo() {
        ApiClient.Response liveness = new ApiClient(port).get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().has("components") && liveness.json().get("components").has("kafka")).isFalse();
    }

    @Test
    void prometheusEndpointExposesTheKitMetrics() {
        ApiClient.Response metrics = new ApiClient(port).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("vouch_outbox_backlog");
    }
}
