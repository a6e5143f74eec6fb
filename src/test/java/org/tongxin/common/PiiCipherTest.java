package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sealing under key ids, and what a key rotation needs: old values still open, new ones use the new key. */
class PiiCipherTest {

    private static final String KEY_A = "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=";
    private static final String KEY_B = "YmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmI=";
    private static final String HASH = "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=";

    @Test
    void aValueNamesItsKeyAndARotatedServiceStillOpensIt() {
        PiiCipher before = cipher(1, KEY_A, null);
        byte[] sealed = before.encrypt("13812345678");
        assertArrayEquals(new byte[] {1, 1}, Arrays.copyOf(sealed, 2));

        PiiCipher after = cipher(2, KEY_B, "1:" + KEY_A);
        assertEquals("13812345678", after.decrypt(sealed));
        assertTrue(after.needsResealing(sealed));
        byte[] resealed = after.encrypt(after.decrypt(sealed));
        assertFalse(after.needsResealing(resealed));
        assertArrayEquals(new byte[] {1, 2}, Arrays.copyOf(resealed, 2));
        assertThrows(IllegalStateException.class, () -> before.decrypt(resealed), "key 2 is unknown to the old service");
    }

    @Test
    void valuesSealedBeforeKeyIdsBelongToKeyOne() {
        PiiCipher cipher = cipher(1, KEY_A, null);
        byte[] current = cipher.encrypt("o-openid");
        byte[] legacy = Arrays.copyOfRange(current, 2, current.length); // IV || ciphertext, as written before
        assertEquals("o-openid", cipher.decrypt(legacy));
        assertTrue(cipher.needsResealing(legacy));
        assertEquals("o-openid", cipher(2, KEY_B, "1:" + KEY_A).decrypt(legacy));
    }

    @Test
    void aMalformedRetiredKeyIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> cipher(2, KEY_B, "one:" + KEY_A));
        assertThrows(IllegalStateException.class, () -> cipher(2, KEY_B, "1:c2hvcnQ="));
    }

    private static PiiCipher cipher(int keyId, String key, String retired) {
        return new PiiCipher(new PiiConfig() {
            public String encryptionKey() { return key; }
            public int keyId() { return keyId; }
            public Optional<List<String>> retiredKeys() { return Optional.ofNullable(retired).map(List::of); }
            public String resealEvery() { return "off"; }
            public String hashKey() { return HASH; }
        });
    }
}
