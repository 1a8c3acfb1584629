package dev.vouch.kit.security;

import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The local stack's signing key pair (PEM files in its data folder), checked at start: both present, readable,
 * and halves of one pair. A service that would mint tokens it cannot verify refuses to start instead.
 */
public record LocalKeyPair(RSAPublicKey publicKey, RSAPrivateKey privateKey) {

    /** The issuer of every local token: fixed, so local tokens never pass for an identity provider's. */
    public static final String ISSUER = "http://localhost/vouch-local";

    public static final String PRIVATE_KEY_SETTING = "vouch.local.jwt.private-key-location";
    public static final String PUBLIC_KEY_SETTING = "vouch.local.jwt.public-key-location";

    private static final String ACTION = "Point " + PRIVATE_KEY_SETTING + " and " + PUBLIC_KEY_SETTING
            + " at the two halves of one RSA key pair (PKCS#8 and X.509 PEM; the local launcher makes them in"
            + " <data>/jwt/ when they are missing), or set vouch.local.dev-tokens=false to trust an identity provider.";

    public static LocalKeyPair load(Resource privateKey, Resource publicKey) {
        RSAPrivateKey privateHalf = read(PRIVATE_KEY_SETTING, privateKey, true);
        RSAPublicKey publicHalf = read(PUBLIC_KEY_SETTING, publicKey, false);
        if (!matches(privateHalf, publicHalf)) {
            throw new TokenSettingsException("The local key pair does not match: " + PUBLIC_KEY_SETTING + " (" + publicKey
                    + ") is not the public half of " + PRIVATE_KEY_SETTING + " (" + privateKey + ")", ACTION);
        }
        return new LocalKeyPair(publicHalf, privateHalf);
    }

    @SuppressWarnings("unchecked")
    private static <K> K read(String setting, Resource location, boolean privateKey) {
        if (location == null) {
            throw new TokenSettingsException(setting + " is not set", ACTION);
        }
        if (!location.exists()) {
            throw new TokenSettingsException(setting + " points at " + location + ", which does not exist", ACTION);
        }
        try (InputStream in = location.getInputStream()) {
            Object key = privateKey ? RsaKeyConverters.pkcs8().convert(in) : RsaKeyConverters.x509().convert(in);
            if (key == null) {
                throw new IllegalArgumentException("no key");
            }
            return (K) key;
        } catch (IOException | RuntimeException e) {
            throw new TokenSettingsException(setting + " (" + location + ") is not a readable RSA "
                    + (privateKey ? "private key (PKCS#8 PEM)" : "public key (X.509 PEM)") + ": " + e.getMessage(), ACTION, e);
        }
    }

    private static boolean matches(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        // One pair shares its modulus; a PKCS#8 file also carries the public exponent.
        return privateKey.getModulus().equals(publicKey.getModulus())
                && (!(privateKey instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent().equals(publicKey.getPublicExponent()));
    }
}
