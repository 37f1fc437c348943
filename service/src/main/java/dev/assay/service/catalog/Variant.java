package dev.assay.service.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Draws a lab's parameter values for one assessment: each value is HMAC-SHA256 under the server's variant key of
 * the assessment's seed, the lab's id and the parameter's name, mapped onto the parameter's kind. The same key,
 * seed and lab give the same values; the key never enters a lab, so the seed alone (or another candidate's values)
 * does not tell what a session got.
 */
public final class Variant {
    private static final String HEX = "0123456789abcdef";
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private final byte[] key;

    public Variant(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a variant key has at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** The lab's values for this seed, derived parameters filled in. */
    public Map<String, String> values(long seed, String labId, LabParameters parameters) {
        return parameters.resolve(parameter -> draw(mac(seed + "\n" + labId + "\n" + parameter.name()), parameter));
    }

    private static String draw(byte[] bytes, LabParameters.Parameter parameter) {
        long number = ByteBuffer.wrap(bytes).getLong() >>> 1; // 63 random bits, never negative
        return switch (parameter.kind()) {
            case CHOICE, WORD ->
                parameter.options().get((int) (number % parameter.options().size()));
            case INT -> Long.toString(parameter.min() + number % (parameter.max() - parameter.min() + 1));
            case HEX -> chars(bytes, parameter.length(), HEX);
            case BASE32 -> chars(bytes, parameter.length(), BASE32);
            case DERIVED -> throw new IllegalArgumentException("derived parameters are filled in, not drawn");
        };
    }

    /** One character per byte of the MAC (at most 32, the reader's limit), the byte's low bits picking it. */
    private static String chars(byte[] bytes, int length, String alphabet) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt((bytes[i] & 0xff) % alphabet.length()));
        }
        return out.toString();
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
