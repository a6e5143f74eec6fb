package org.tongxin.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data (phone numbers, WeChat ids, volunteers' names and notes) with AES-GCM and
 * derives keyed hashes so that rows can be found by value without storing the value in the clear.
 * A database dump alone reveals neither the values nor, thanks to the HMAC key, a way to test
 * guesses against them.
 *
 * <p>A sealed value names the key that sealed it: {@code 0x01 keyId IV ciphertext+tag}. Values
 * written before key ids existed ({@code IV ciphertext+tag}) belong to key 1. New values are
 * sealed with the current key ({@code tongxin.pii.key-id}); values under a retired key
 * ({@code tongxin.pii.retired-keys}) still open, and {@link PiiRotation} re-seals them.
 */
@ApplicationScoped
public class PiiCipher {

    private static final byte FORMAT = 1;
    private static final int HEADER_BYTES = 2;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int LEGACY_KEY_ID = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int currentKeyId;
    private final Map<Integer, SecretKeySpec> keys = new HashMap<>();
    private final SecretKeySpec hashKey;

    public PiiCipher(PiiConfig config) {
        this.currentKeyId = config.keyId();
        if (currentKeyId < 1 || currentKeyId > 127) {
            throw new IllegalStateException("tongxin.pii.key-id must be between 1 and 127");
        }
        keys.put(currentKeyId, aesKey(config.encryptionKey(), "tongxin.pii.encryption-key"));
        config.retiredKeys().ifPresent(list -> list.forEach(entry -> {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2 || !parts[0].matches("\\d{1,3}")) {
                throw new IllegalStateException("tongxin.pii.retired-keys entries read <id>:<base64 key>");
            }
            keys.putIfAbsent(Integer.parseInt(parts[0]), aesKey(parts[1], "tongxin.pii.retired-keys"));
        }));
        byte[] mac = Base64.getDecoder().decode(config.hashKey().trim());
        if (mac.length < 32) {
            throw new IllegalStateException("tongxin.pii.hash-key must be at least 32 bytes (base64)");
        }
        this.hashKey = new SecretKeySpec(mac, "HmacSHA256");
    }

    private static SecretKeySpec aesKey(String base64, String property) {
        byte[] enc = Base64.getDecoder().decode(base64.trim());
        if (enc.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes (base64)");
        }
        return new SecretKeySpec(enc, "AES");
    }

    /** {@code 0x01 keyId IV ciphertext+tag}, under the current key; a fresh IV each time. */
    public byte[] encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(HEADER_BYTES + iv.length + sealed.length)
                    .put(FORMAT).put((byte) currentKeyId).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Opens a value sealed under any key this service knows, in either format. */
    public String decrypt(byte[] sealed) {
        if (sealed.length > HEADER_BYTES + IV_BYTES && sealed[0] == FORMAT && keys.containsKey((int) sealed[1])) {
            try {
                return open(keys.get((int) sealed[1]), sealed, HEADER_BYTES);
            } catch (GeneralSecurityException notThisFormat) {
                // A legacy value whose random IV happens to start like a header: fall through.
            }
        }
        SecretKeySpec legacy = keys.get(LEGACY_KEY_ID);
        if (legacy == null) {
            throw new IllegalStateException("a value sealed before key ids needs key 1 in tongxin.pii.retired-keys");
        }
        try {
            return open(legacy, sealed, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** True when the value is not sealed under the current key in the current format. */
    public boolean needsResealing(byte[] sealed) {
        return sealed.length <= HEADER_BYTES || sealed[0] != FORMAT || sealed[1] != (byte) currentKeyId;
    }

    /** The first bytes of every value sealed under the current key, for finding the others in SQL. */
    public byte[] currentHeader() {
        return new byte[] {FORMAT, (byte) currentKeyId};
    }

    private static String open(SecretKeySpec key, byte[] sealed, int offset) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, IV_BYTES));
        return new String(cipher.doFinal(sealed, offset + IV_BYTES, sealed.length - offset - IV_BYTES), StandardCharsets.UTF_8);
    }

    /** Deterministic keyed hash for equality look-ups (unique indexes, "find user by openid"). */
    public byte[] hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    /** {@code 13812345678} → {@code 138****5678}; anything too short is fully masked. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
