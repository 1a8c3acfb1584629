package dev.vouch.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalOptionsTest {

    @Test
    void theDesignsDefaultPortsAndDataFolder() {
        LocalOptions options = LocalOptions.parse(new String[0], Map.of());
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.mongoPort()).isEqualTo(27017);
        assertThat(options.services()).extracting(LocalOptions.ServiceSpec::port).containsExactly(8081, 8082, 8083);
        assertThat(options.services()).extracting(LocalOptions.ServiceSpec::managementPort).containsExactly(9081, 9082, 9083);
        assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(options.demo()).isFalse();
    }

    @Test
    void flagsWinOverEnvironmentVariables() {
        LocalOptions options = LocalOptions.parse(new String[] {"--mentor-port=18081", "--demo", "--data-dir=/tmp/v"},
                Map.of("VOUCH_MENTOR_PORT", "28081", "VOUCH_KAFKA_PORT", "19092"));
        assertThat(options.services().get(0).port()).isEqualTo(18081);
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.kafkaControllerPort()).isEqualTo(19093);
        assertThat(options.demo()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/v"));
    }

    @Test
    void aBadPortIsAClearMessage() {
        assertThatThrownBy(() -> LocalOptions.parse(new String[] {"--mongo-port=lots"}, Map.of()))
                .hasMessageContaining("--mongo-port").hasMessageContaining("must be a port number, not 'lots'");
    }

    @Test
    void aTakenPortIsNamedWithTheFlagThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            LocalOptions options = LocalOptions.parse(new String[] {"--request-port=" + taken.getLocalPort()}, Map.of());
            List<String> problems = Ports.taken(options);
            assertThat(problems).anySatisfy(line -> assertThat(line)
                    .isEqualTo("port " + taken.getLocalPort() + " for request-service (--request-port) is already in use"));
        }
    }
}
