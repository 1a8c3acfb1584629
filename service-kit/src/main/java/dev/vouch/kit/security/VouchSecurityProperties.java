package dev.vouch.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How tokens are checked, under {@code vouch.security.*}. The issuer itself is the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} setting.
 *
 * @param audience  what every token's {@code aud} must contain: the API, as the identity provider names it
 * @param clockSkew leeway on {@code exp} and {@code nbf}, for an identity provider whose clock differs a little
 */
@ConfigurationProperties("vouch.security")
public record VouchSecurityProperties(
        @DefaultValue("vouch-api") String audience,
        @DefaultValue("30s") Duration clockSkew) {

    public VouchSecurityProperties {
        if (audience == null || audience.isBlank()) {
            throw new TokenSettingsException("vouch.security.audience must name the API's audience (default vouch-api)",
                    "Set vouch.security.audience to the audience the identity provider puts in the API's tokens.");
        }
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new TokenSettingsException("vouch.security.clock-skew must be zero or more, not " + clockSkew,
                    "Set vouch.security.clock-skew to a duration such as 30s.");
        }
    }
}
