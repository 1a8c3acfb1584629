package dev.vouch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's runnable jar under the {@code local} profile refuses to start, saying which settings are at fault,
 * rather than mint tokens under a production issuer or fail later with a NullPointerException or a 500.
 */
class LocalProfileRefusalIT {

    @TempDir
    Path dir;

    @Test
    void devTokensBesideAnIssuerAndAnEmptyLocalKeyStopTheServiceNamingTheSettings() throws Exception {
        Path withIssuer = dir.resolve("with-issuer");
        LocalKeys.ensure(withIssuer);
        Path emptyKey = dir.resolve("empty-key");
        LocalKeys.ensure(emptyKey);
        Files.writeString(emptyKey.resolve("jwt").resolve("public.pem"), "");

        String productionLog;
        String emptyLog;
        // A real Mongo wire server: a service makes its indexes before it sets up its security.
        try (LocalMongo mongo = LocalMongo.start(dir.resolve("mongo"), Ports.any(), false)) {
            Process production = start(withIssuer, mongo,
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.school.edu/realms/prod");
            Process empty = start(emptyKey, mongo);
            productionLog = awaitExit(production, withIssuer);
            emptyLog = awaitExit(empty, emptyKey);
        }
        assertThat(productionLog).contains("APPLICATION FAILED TO START")
                .contains("vouch.local.dev-tokens")
                .contains("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.school.edu/realms/prod")
                .doesNotContain("Started ");
        assertThat(emptyLog).contains("APPLICATION FAILED TO START")
                .contains("vouch.local.jwt.public-key-location")
                .doesNotContain("NullPointerException");
    }

    private static Process start(Path dataDir, LocalMongo mongo, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                Path.of("target", "services", "mentor-service-exec.jar").toAbsolutePath().toString(),
                "--spring.profiles.active=local", "--vouch.local.data-dir=" + dataDir,
                "--server.port=0", "--management.server.port=0",
                // No broker listens there: the service must stop before it would publish or consume.
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + Ports.any(),
                "--spring.mongodb.uri=" + mongo.uri(dataDir.getFileName().toString().replace('-', '_'))));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service.log").toFile()).start();
    }

    private static String awaitExit(Process process, Path dataDir) throws Exception {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the service did not stop; see " + dataDir.resolve("service.log"));
        }
        assertThat(process.exitValue()).isNotZero();
        return Files.readString(dataDir.resolve("service.log"));
    }
}
