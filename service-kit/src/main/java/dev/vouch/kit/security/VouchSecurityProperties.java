package dev.vouch.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

import java.time.Duration;

/**
 * How tokens are checked, under {@code vouch.security.*}. The issuer itself is the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} setting.
 *
 * @param audience  what every token's {@code aud} must contain: the API, as the identity provider names it
 * @param clockSkew leeway on {@code exp} and {@code nbf}, for an identity provider whose clock differs a little
 * @param verifiedTokens how many tokens whose signature was verified are remembered, and for how long
 *                       ({@link VerifiedTokenCache})
 */
@ConfigurationProperties("vouch.security")
public record VouchSecurityProperties(
        @DefaultValue("vouch-api") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue VerifiedTokens verifiedTokens) {

    /** With the default verified-token cache. */
    public VouchSecurityProperties(String audience, Duration clockSkew) {
        this(audience, clockSkew, VerifiedTokens.DEFAULTS);
    }

    /**
     * @param maxSize tokens remembered at most (0: every request verifies its token's signature)
     * @param maxAge  how long one is remembered at most (never past its {@code exp}): how long a key the identity
     *                provider withdraws may still be trusted for the tokens it signed
     */
    public record VerifiedTokens(@DefaultValue("" + DEFAULT_MAX_SIZE) int maxSize,
                                 @DefaultValue(DEFAULT_MAX_AGE) Duration maxAge) {

        static final int DEFAULT_MAX_SIZE = 4096;
        static final String DEFAULT_MAX_AGE = "5m";
        static final VerifiedTokens DEFAULTS = new VerifiedTokens(DEFAULT_MAX_SIZE, DurationStyle.detectAndParse(DEFAULT_MAX_AGE));

        public VerifiedTokens {
            if (maxSize < 0) {
                throw new TokenSettingsException("vouch.security.verified-tokens.max-size must be zero or more, not "
                        + maxSize,
                        "Set it to how many verified tokens to remember (0 to verify every request's token).");
            }
            if (maxAge == null || maxAge.isNegative()) {
                throw new TokenSettingsException("vouch.security.verified-tokens.max-age must be zero or more, not "
                        + maxAge,
                        "Set it to a duration such as 5m.");
            }
        }

        boolean enabled() {
            return maxSize > 0 && !maxAge.isZero();
        }
    }

    @ConstructorBinding
    public VouchSecurityProperties {
        if (audience == null || audience.isBlank()) {
            throw new TokenSettingsException("vouch.security.audience must name the API's audience (default vouch-api)",
                    "Set vouch.security.audience to the audience the identity provider puts in the API's tokens.");
        }
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new TokenSettingsException("vouch.security.clock-skew must be zero or more, not " + clockSkew,
                    "Set vouch.security.clock-skew to a duration such as 30s.");
        }
        if (verifiedTokens == null) {
            verifiedTokens = VerifiedTokens.DEFAULTS;
        }
    }
}
