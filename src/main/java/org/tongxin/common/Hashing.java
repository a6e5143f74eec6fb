package org.tongxin.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Hashes and random tokens for secrets we must recognise but never store in the clear. */
public final class Hashing {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Crockford base32: no I, L, O, U, so codes survive being read aloud or typed from paper. */
    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Hashing() {}

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }

    /** A URL-safe random token with the given number of random bytes. */
    public static String randomToken(int bytes) {
        byte[] buf = new byte[bytes];
        RANDOM.nextBytes(buf);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf);
    }

    /** A human-typeable random code of the given length (about 5 bits per character). */
    public static String randomCode(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(out);
    }

    /**
     * {@code count} random strings of {@code length} decimal digits each, e.g. an order's pickup
     * codes, from one draw of the generator: every call of a {@link SecureRandom} takes its lock and
     * mixes fresh bytes, and a digit at a time (48 calls for an order's 8 codes) was 3 % of the
     * service's CPU in an order burst. A byte below 250 gives one digit; the others are dropped so
     * that each digit is equally likely.
     */
    public static String[] randomDigits(int count, int length) {
        String[] codes = new String[count];
        byte[] pool = new byte[count * length + 16];
        RANDOM.nextBytes(pool);
        int next = 0;
        for (int c = 0; c < count; c++) {
            char[] out = new char[length];
            for (int i = 0; i < length; ) {
                if (next == pool.length) {
                    RANDOM.nextBytes(pool);
                    next = 0;
                }
                int value = pool[next++] & 0xff;
                if (value < 250) {
                    out[i++] = (char) ('0' + value % 10);
                }
            }
            codes[c] = new String(out);
        }
        return codes;
    }
}
