package org.tongxin.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Values as earlier versions of the service sealed them, written here by plain AES-GCM so that
 * tests can put them into rows: {@code IV ciphertext+tag} (before key ids, key 1) and
 * {@code 0x01 keyId IV ciphertext+tag} (before values were bound to their place).
 */
public final class OldSeals {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OldSeals() {}

    /** Before key ids: IV and ciphertext under {@code base64Key}. */
    public static byte[] beforeKeyIds(String base64Key, String plain) {
        return gcm(base64Key, plain);
    }

    /** Before binding: {@code 0x01 keyId} then IV and ciphertext, without associated data. */
    public static byte[] unbound(int keyId, String base64Key, String plain) {
        byte[] body = gcm(base64Key, plain);
        return ByteBuffer.allocate(2 + body.length).put((byte) 1).put((byte) keyId).put(body).array();
    }

    private static byte[] gcm(String base64Key, String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
