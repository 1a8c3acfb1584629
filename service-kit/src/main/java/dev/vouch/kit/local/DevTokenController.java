package dev.vouch.kit.local;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.http.MediaType;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.core.io.Resource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /dev/token?tenant=T&sub=S&roles=STUDENT,ADVISOR}: a signed JWT as plain text, so scripts and
 * newcomers can call the API of the local stack at once. Exists only under the {@code local} profile; the
 * key pair lives in the local stack's data folder and the services trust nothing else.
 */
@RestController
public class DevTokenController {

    private final JwtEncoder encoder;
    private final String issuer;
    private final Clock clock;

    public DevTokenController(Resource privateKey, Resource publicKey, String issuer, Clock clock) {
        RSAKey key = new RSAKey.Builder(readPublic(publicKey)).privateKey(readPrivate(privateKey)).keyID("vouch-local").build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(key)));
        this.issuer = issuer;
        this.clock = clock;
    }

    @GetMapping(value = "/dev/token", produces = MediaType.TEXT_PLAIN_VALUE)
    public String token(@RequestParam(defaultValue = "demo-school") String tenant,
                        @RequestParam(defaultValue = "demo-student") String sub,
                        @RequestParam(defaultValue = "STUDENT") String roles,
                        @RequestParam(defaultValue = "PT12H") Duration ttl) {
        List<String> roleList = Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(issuer)
                .subject(sub)
                .issuedAt(clock.instant())
                .expiresAt(clock.instant().plus(ttl))
                .claim("tenant", tenant)
                .claim("roles", roleList)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("vouch-local").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static RSAPublicKey readPublic(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local JWT public key " + resource, e);
        }
    }

    private static RSAPrivateKey readPrivate(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local JWT private key " + resource, e);
        }
    }
}
