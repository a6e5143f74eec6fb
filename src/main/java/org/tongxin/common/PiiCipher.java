package org.tongxin.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data (phone numbers, openid) with AES-GCM and derives keyed hashes so that
 * rows can be found by value without storing the value in the clear. A database dump alone
 * reveals neither the values nor, thanks to the HMAC key, a way to test guesses against them.
 */
@ApplicationScoped
public class PiiCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;

    public PiiCipher(PiiConfig config) {
        byte[] enc = Base64.getDecoder().decode(config.encryptionKey().trim());
        byte[] mac = Base64.getDecoder().decode(config.hashKey().trim());
        if (enc.length != 32) {
            throw new IllegalStateException("tongxin.pii.encryption-key must be 32 bytes (base64)");
        }
        if (mac.length < 32) {
            throw new IllegalStateException("tongxin.pii.hash-key must be at least 32 bytes (base64)");
        }
        this.encryptionKey = new SecretKeySpec(enc, "AES");
        this.hashKey = new SecretKeySpec(mac, "HmacSHA256");
    }

    /** IV || ciphertext+tag. A fresh IV each time, so equal values encrypt differently. */
    public byte[] encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
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
