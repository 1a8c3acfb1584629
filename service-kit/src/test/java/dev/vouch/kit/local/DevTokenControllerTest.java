package dev.vouch.kit.local;

import dev.vouch.kit.security.JwtDecoders;
import dev.vouch.kit.security.LocalKeyPair;
import dev.vouch.kit.security.VouchSecurityProperties;
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
    void mintsATokenTheServicesOwnDecoderAcceptsUnderTheLocalIssuerAndTheAudience() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path privateKey = Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Path publicKey = Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        LocalKeyPair pair = LocalKeyPair.load(new FileSystemResource(privateKey), new FileSystemResource(publicKey));
        VouchSecurityProperties security = new VouchSecurityProperties("vouch-api", Duration.ofSeconds(30));

        DevTokenController controller = new DevTokenController(pair, security.audience(), Clock.systemUTC());
        String token = controller.token("demo-school", "ana", "STUDENT, ADVISOR", Duration.ofHours(1));

        Jwt jwt = JwtDecoders.forLocalKeys(pair, new OAuth2ResourceServerProperties().getJwt(), security).decode(token);
        assertThat(jwt.getSubject()).isEqualTo("ana");
        assertThat(jwt.getIssuer().toString()).isEqualTo(LocalKeyPair.ISSUER);
        assertThat(jwt.getAudience()).containsExactly("vouch-api");
        assertThat(jwt.getExpiresAt()).isNotNull();
        assertThat(jwt.getClaimAsString("tenant")).isEqualTo("demo-school");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("STUDENT", "ADVISOR");
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
