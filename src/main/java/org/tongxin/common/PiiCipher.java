package org.tongxin.common;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data (phone numbers, WeChat ids, names, care descriptions, robots' keys) with
 * AES-GCM and derives keyed hashes so that rows can be found by value without storing the value in
 * the clear. A database dump alone reveals neither the values nor, thanks to the HMAC key, a way to
 * test guesses against them.
 *
 * <p>A sealed value names the key that sealed it and is bound to its place:
 * {@code 0x02 keyId IV ciphertext+tag}, with the {@link SealedColumn}, its table and column and the
 * row id as associated data, so it opens only in the row and column it was sealed for. Key ids are
 * unsigned bytes, 1 to 255. Two older formats still open, anywhere, until the key rotation job
 * ({@link PiiRotation}) has re-sealed them: {@code 0x01 keyId IV ciphertext+tag} (not bound) and,
 * from before key ids, {@code IV ciphertext+tag} under key 1. New values are sealed with the current
 * key ({@code tongxin.pii.key-id}); values under a retired key ({@code tongxin.pii.retired-keys})
 * still open.
 *
 * <p>A value whose key is gone, or which was moved to another place, cannot be opened:
 * {@link #open} throws {@link Unavailable}; views use {@link #reader} instead, which answers null
 * for it, remembers the field, and logs the incident once (row id and key id, never content).
 */
@Startup // a key or key id the service cannot use stops the start, not the first request that seals
@ApplicationScoped
public class PiiCipher {

    private static final byte BOUND = 2;
    private static final byte UNBOUND = 1;
    private static final int HEADER_BYTES = 2;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int LEGACY_KEY_ID = 1;
    private static final int MAX_KEY_ID = 255;
    private static final int LOGGED_AT_MOST = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int currentKeyId;
    private final Map<Integer, SecretKeySpec> keys = new HashMap<>();
    private final SecretKeySpec hashKey;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public PiiCipher(PiiConfig config) {
        this.currentKeyId = keyId(config.keyId(), "tongxin.pii.key-id");
        keys.put(currentKeyId, aesKey(config.encryptionKey(), "tongxin.pii.encryption-key"));
        config.retiredKeys().ifPresent(list -> list.forEach(entry -> {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2 || !parts[0].matches("\\d{1,3}")) {
                throw new IllegalStateException("tongxin.pii.retired-keys entries read <id>:<base64 key>");
            }
            keys.putIfAbsent(keyId(Integer.parseInt(parts[0]), "tongxin.pii.retired-keys"),
                    aesKey(parts[1], "tongxin.pii.retired-keys"));
        }));
        byte[] mac = Base64.getDecoder().decode(config.hashKey().trim());
        if (mac.length < 32) {
            throw new IllegalStateException("tongxin.pii.hash-key must be at least 32 bytes (base64)");
        }
        this.hashKey = new SecretKeySpec(mac, "HmacSHA256");
    }

    private static int keyId(int id, String property) {
        if (id < 1 || id > MAX_KEY_ID) {
            throw new IllegalStateException(property + ": key ids are 1 to " + MAX_KEY_ID + " (one unsigned byte)");
        }
        return id;
    }

    private static SecretKeySpec aesKey(String base64, String property) {
        byte[] enc = Base64.getDecoder().decode(base64.trim());
        if (enc.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes (base64)");
        }
        return new SecretKeySpec(enc, "AES");
    }

    /** {@code 0x02 keyId IV ciphertext+tag} under the current key, bound to its place; a fresh IV each time. */
    public byte[] seal(SealedColumn column, UUID rowId, String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(place(column, rowId));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(HEADER_BYTES + iv.length + sealed.length)
                    .put(BOUND).put((byte) currentKeyId).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Seals {@code plain} when there is one; null stays null. */
    public byte[] sealNullable(SealedColumn column, UUID rowId, String plain) {
        return plain == null ? null : seal(column, rowId, plain);
    }

    /**
     * Opens a value sealed for this place under any key this service knows (or, in an older format,
     * sealed before values were bound); throws {@link Unavailable} when it cannot.
     */
    public String open(SealedColumn column, UUID rowId, byte[] sealed) {
        int keyId = sealed.length > HEADER_BYTES ? sealed[1] & 0xFF : 0;
        if (sealed.length > HEADER_BYTES + IV_BYTES && (sealed[0] == BOUND || sealed[0] == UNBOUND)
                && keys.containsKey(keyId)) {
            try {
                return decrypt(keys.get(keyId), sealed, HEADER_BYTES, sealed[0] == BOUND ? place(column, rowId) : null);
            } catch (GeneralSecurityException notThisFormat) {
                // Moved from another place, or a legacy value whose IV happens to start like a header.
            }
        }
        SecretKeySpec legacy = keys.get(LEGACY_KEY_ID);
        if (legacy != null && sealed.length > IV_BYTES) {
            try {
                return decrypt(legacy, sealed, 0, null);
            } catch (GeneralSecurityException e) {
                // Neither format opens: reported below.
            }
        }
        throw new Unavailable(column, rowId, keyId);
    }

    /** Opens a nullable value; null stays null. */
    public String openNullable(SealedColumn column, UUID rowId, byte[] sealed) {
        return sealed == null ? null : open(column, rowId, sealed);
    }

    /** A reader of one row's sealed values for a view: what cannot be opened comes back null, and is named. */
    public Reader reader(UUID rowId) {
        return new Reader(rowId);
    }

    /**
     * The first bytes of every value sealed now (bound, current key): the re-sealing job takes every
     * value that does not start with them.
     */
    public byte[] currentHeader() {
        return new byte[] {BOUND, (byte) currentKeyId};
    }

    /** Logs once per value (place and row) that it cannot be opened, with the row id and key id only. */
    public void report(Unavailable e) {
        if (reported.size() < LOGGED_AT_MOST && reported.add(e.column + ":" + e.rowId)) {
            Log.errorf("sealed value cannot be opened table=%s column=%s row=%s key=%d (key missing from "
                    + "tongxin.pii.retired-keys, or the value was moved from another row)", e.column.table(),
                    e.column.column(), e.rowId, e.keyId);
        }
    }

    private static byte[] place(SealedColumn column, UUID rowId) {
        return (column.place() + ":" + rowId).getBytes(StandardCharsets.UTF_8);
    }

    private static String decrypt(SecretKeySpec key, byte[] sealed, int offset, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, IV_BYTES));
        if (aad != null) {
            cipher.updateAAD(aad);
        }
        return new String(cipher.doFinal(sealed, offset + IV_BYTES, sealed.length - offset - IV_BYTES), StandardCharsets.UTF_8);
    }

    /** A sealed value that cannot be opened here: its key is not configured, or it belongs to another place. */
    public static final class Unavailable extends RuntimeException {
        private final transient SealedColumn column;
        private final transient UUID rowId;
        private final int keyId;

        Unavailable(SealedColumn column, UUID rowId, int keyId) {
            super("sealed value cannot be opened: " + column + " row " + rowId + " key " + keyId, null, false, false);
            this.column = column;
            this.rowId = rowId;
            this.keyId = keyId;
        }

        public int keyId() { return keyId; }
    }

    /** See {@link #reader}. */
    public final class Reader {
        private final UUID rowId;
        private final List<String> unavailable = new ArrayList<>();

        private Reader(UUID rowId) {
            this.rowId = rowId;
        }

        /** The value, null when there is none, or null (named in {@link #unavailable}) when it cannot be opened. */
        public String open(SealedColumn column, byte[] sealed) {
            try {
                return openNullable(column, rowId, sealed);
            } catch (Unavailable e) {
                report(e);
                unavailable.add(column.field());
                return null;
            }
        }

        /** The fields that could not be opened, as the view names them. */
        public List<String> unavailable() {
            return List.copyOf(unavailable);
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
