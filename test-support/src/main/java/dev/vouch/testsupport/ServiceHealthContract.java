package dev.vouch.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Vouch service promises operators. A service's test extends it and adds {@link VouchServiceTest}:
 * readiness includes Kafka and MongoDB, liveness does not, and Prometheus serves the kit's metrics.
 */
public abstract class ServiceHealthContract {

    @LocalServerPort
    protected int port;

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
        JsonNode components = liveness.json().path("components");
        assertThat(components.has("kafka") || components.has("mongo")).isFalse();
    }

    @Test
    void prometheusServesTheKitMetrics() {
        ApiClient.Response metrics = new ApiClient(port).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("vouch_outbox_backlog").contains("vouch_outbox_oldest_age_seconds");
    }

    @Test
    void theOpenApiDescriptionIsServed() {
        ApiClient.Response docs = new ApiClient(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.1");
        assertThat(docs.body()).as("the access scope comes from the token, not from a parameter")
                .doesNotContain("\"name\":\"scope\"");
    }
}
