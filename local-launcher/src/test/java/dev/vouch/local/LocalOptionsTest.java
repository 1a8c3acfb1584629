package dev.vouch.local;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
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
    void anExternalIssuerIsOptionalAndGivenAsUrls() {
        assertThat(LocalOptions.parse(new String[0], Map.of()).externalIssuer()).isFalse();
        LocalOptions options = LocalOptions.parse(new String[] {"--issuer-uri=http://127.0.0.1:8180/realms/vouch"},
                Map.of("VOUCH_JWK_SET_URI", "http://127.0.0.1:8180/realms/vouch/protocol/openid-connect/certs"));
        assertThat(options.externalIssuer()).isTrue();
        assertThat(options.issuerUri()).isEqualTo("http://127.0.0.1:8180/realms/vouch");
        assertThat(options.jwkSetUri()).isEqualTo("http://127.0.0.1:8180/realms/vouch/protocol/openid-connect/certs");
        assertThatThrownBy(() -> LocalOptions.parse(new String[] {"--issuer-uri=keycloak"}, Map.of()))
                .hasMessageContaining("--issuer-uri").hasMessageContaining("must be an http(s) URL, not 'keycloak'");
        assertThatThrownBy(() -> LocalOptions.parse(new String[] {"--jwk-set-uri=http://idp/certs"}, Map.of()))
                .hasMessageContaining("--jwk-set-uri needs --issuer-uri");
    }

    @Test
    void aBadPortIsAClearMessage() {
        assertThatThrownBy(() -> LocalOptions.parse(new String[] {"--mongo-port=lots"}, Map.of()))
                .hasMessageContaining("--mongo-port").hasMessageContaining("must be a port number, not 'lots'");
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndEnvironmentVariableAndStartsNothing() {
        StringWriter out = new StringWriter();
        CommandLine line = LocalOptions.commandLine(new LocalCommand(), Map.of()).setOut(new PrintWriter(out));
        assertThat(line.execute("--help")).isZero();
        String help = out.toString();
        for (CommandLine.Model.OptionSpec option : line.getCommandSpec().options()) {
            if (option.longestName().equals("--help") || option.longestName().equals("--version")) {
                continue;
            }
            assertThat(help).contains(option.longestName());
            assertThat(help.replaceAll("\\s+", " ")).as(option.longestName())
                    .contains("Env " + LocalOptions.environmentName(option.longestName()));
        }
        assertThat(help.replaceAll("\\s+", " ")).contains("Env VOUCH_KAFKA_PORT. Default: 9092").contains("rebuild");
    }

    @Test
    void anUnknownOptionOrABadValueExitsWithAMessageBeforeAnythingStarts() {
        for (String[] args : List.of(new String[] {"--dmeo"}, new String[] {"--mongo-port=lots"},
                new String[] {"--instances=billing-service=2"}, new String[] {"rebuild", "billing-service"})) {
            StringWriter err = new StringWriter();
            CommandLine line = LocalOptions.commandLine(new LocalCommand(), Map.of()).setErr(new PrintWriter(err));
            assertThat(line.execute(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args)).containsAnyOf("--dmeo", "lots", "billing-service");
        }
    }

    @Test
    void aSecondInstanceTakesItsServicesPortsPlusAHundred() {
        LocalOptions options = LocalOptions.parse(new String[0], Map.of("VOUCH_INSTANCES", "reminder-service=2"));
        assertThat(options.services()).extracting(LocalOptions.ServiceSpec::id)
                .containsExactly("mentor-service", "request-service", "reminder-service", "reminder-service-2");
        LocalOptions.ServiceSpec second = options.services().get(3);
        assertThat(second.port()).isEqualTo(8183);
        assertThat(second.managementPort()).isEqualTo(9183);
        assertThat(second.database()).isEqualTo("vouch_reminders");
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
