package dev.vouch.kit.local;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.vouch.kit.security.LocalKeyPair;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /dev/token?tenant=T&sub=S&roles=STUDENT,ADVISOR}: a signed JWT as plain text, so scripts and
 * newcomers can call the API of the local stack at once. Exists only under the {@code local} profile with
 * {@code vouch.local.dev-tokens=true}; the key pair lives in the local stack's data folder, the issuer is always
 * {@link LocalKeyPair#ISSUER}, and the service then trusts nothing else.
 */
@RestController
public class DevTokenController {

    private final JwtEncoder encoder;
    private final String audience;
    private final Clock clock;

    public DevTokenController(LocalKeyPair keys, String audience, Clock clock) {
        RSAKey key = new RSAKey.Builder(keys.publicKey()).privateKey(keys.privateKey()).keyID("vouch-local").build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(key)));
        this.audience = audience;
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
                .issuer(LocalKeyPair.ISSUER)
                .audience(List.of(audience))
                .subject(sub)
                .issuedAt(clock.instant())
                .expiresAt(clock.instant().plus(ttl))
                .claim("tenant", tenant)
                .claim("roles", roleList)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("vouch-local").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
