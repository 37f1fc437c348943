package dev.assay.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Bearer secrets (session cookies, invitation links): 256 random bits out, only their SHA-256 kept. */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private Tokens() {}

    /** A new URL-safe token carrying 256 bits from {@link SecureRandom}. */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of a token: what the database stores and looks up. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** The CSRF token bound to a browser secret (a session or pre-session cookie value). */
    public static String csrfFor(String browserSecret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("assay-csrf:" + browserSecret));
    }

    /** Compares two secrets in time independent of where they differ. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
