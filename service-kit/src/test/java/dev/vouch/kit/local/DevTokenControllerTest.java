package dev.vouch.kit.local;

import dev.vouch.kit.security.JwtDecoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.Jwt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class DevTokenControllerTest {

    @TempDir
    Path dir;

    @Test
    void mintsATokenTheServicesOwnDecoderAccepts() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path privateKey = Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Path publicKey = Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));

        DevTokenController controller = new DevTokenController(new FileSystemResource(privateKey),
                new FileSystemResource(publicKey), "http://localhost/vouch-local", Clock.systemUTC());
        String token = controller.token("demo-school", "ana", "STUDENT, ADVISOR", Duration.ofHours(1));

        OAuth2ResourceServerProperties.Jwt settings = new OAuth2ResourceServerProperties().getJwt();
        settings.setPublicKeyLocation(new FileSystemResource(publicKey));
        settings.setIssuerUri("http://localhost/vouch-local");
        Jwt jwt = JwtDecoders.from(settings).decode(token);
        assertThat(jwt.getSubject()).isEqualTo("ana");
        assertThat(jwt.getClaimAsString("tenant")).isEqualTo("demo-school");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("STUDENT", "ADVISOR");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
