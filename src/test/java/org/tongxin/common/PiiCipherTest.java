package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tongxin.support.OldSeals;

/**
 * Sealing under key ids, bound to the value's place, and what a key rotation needs: old values
 * (also in the older formats) still open, new ones use the new key, a value whose key is gone is
 * reported as unavailable instead of failing.
 */
@Tag("fast")
class PiiCipherTest {

    private static final String KEY_A = "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=";
    private static final String KEY_B = "YmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmI=";
    private static final String HASH = "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=";
    private static final UUID ROW = UUID.randomUUID();

    @Test
    void aValueNamesItsKeyAndARotatedServiceStillOpensIt() {
        PiiCipher before = cipher(1, KEY_A, null);
        byte[] sealed = before.seal(SealedColumn.USER_PHONE, ROW, "13812345678");
        assertArrayEquals(new byte[] {2, 1}, Arrays.copyOf(sealed, 2));

        PiiCipher after = cipher(2, KEY_B, "1:" + KEY_A);
        assertEquals("13812345678", after.open(SealedColumn.USER_PHONE, ROW, sealed));
        assertTrue(needsResealing(after, sealed));
        byte[] resealed = after.seal(SealedColumn.USER_PHONE, ROW, after.open(SealedColumn.USER_PHONE, ROW, sealed));
        assertFalse(needsResealing(after, resealed));
        assertArrayEquals(new byte[] {2, 2}, Arrays.copyOf(resealed, 2));
        PiiCipher.Unavailable gone = assertThrows(PiiCipher.Unavailable.class,
                () -> before.open(SealedColumn.USER_PHONE, ROW, resealed), "key 2 is unknown to the old service");
        assertEquals(2, gone.keyId());
    }

    @Test
    void aSealedValueOpensOnlyInTheRowAndColumnItWasSealedFor() {
        PiiCipher cipher = cipher(1, KEY_A, null);
        byte[] sealed = cipher.seal(SealedColumn.CARE_DESCRIPTION, ROW, "胰岛素两盒");
        assertEquals("胰岛素两盒", cipher.open(SealedColumn.CARE_DESCRIPTION, ROW, sealed));
        assertThrows(PiiCipher.Unavailable.class, () -> cipher.open(SealedColumn.CARE_DESCRIPTION, UUID.randomUUID(), sealed));
        assertThrows(PiiCipher.Unavailable.class, () -> cipher.open(SealedColumn.CARE_COMPLETION_NOTE, ROW, sealed));
        assertThrows(PiiCipher.Unavailable.class, () -> cipher.open(SealedColumn.VULNERABLE_NOTE, ROW, sealed));
    }

    @Test
    void valuesOfTheOlderFormatsStillOpenAndNeedResealing() {
        PiiCipher cipher = cipher(2, KEY_B, "1:" + KEY_A);
        byte[] legacy = OldSeals.beforeKeyIds(KEY_A, "o-openid");
        assertEquals("o-openid", cipher.open(SealedColumn.USER_OPENID, ROW, legacy));
        assertTrue(needsResealing(cipher, legacy));
        byte[] unbound = OldSeals.unbound(2, KEY_B, "o-openid");
        assertEquals("o-openid", cipher.open(SealedColumn.USER_OPENID, ROW, unbound));
        assertTrue(needsResealing(cipher, unbound), "current key, but not yet bound to its place");
    }

    @Test
    void keyIdsAreUnsignedBytesAndIdsTheFormatCannotHoldAreRefused() {
        PiiCipher high = cipher(200, KEY_A, "255:" + KEY_B);
        byte[] sealed = high.seal(SealedColumn.USER_PHONE, ROW, "13812345678");
        assertEquals(200, sealed[1] & 0xFF);
        assertFalse(needsResealing(high, sealed));
        assertEquals("13812345678", cipher(201, KEY_B, "200:" + KEY_A).open(SealedColumn.USER_PHONE, ROW, sealed));
        assertThrows(IllegalStateException.class, () -> cipher(0, KEY_A, null));
        assertThrows(IllegalStateException.class, () -> cipher(256, KEY_A, null));
        assertThrows(IllegalStateException.class, () -> cipher(2, KEY_B, "256:" + KEY_A));
        assertThrows(IllegalStateException.class, () -> cipher(2, KEY_B, "0:" + KEY_A));
    }

    @Test
    void aReaderAnswersNullForWhatCannotBeOpenedAndNamesIt() {
        byte[] underA = cipher(1, KEY_A, null).seal(SealedColumn.CARE_DESCRIPTION, ROW, "买药");
        PiiCipher withoutA = cipher(2, KEY_B, null);
        byte[] underB = withoutA.seal(SealedColumn.CARE_COMPLETION_NOTE, ROW, "已送达");
        PiiCipher.Reader reader = withoutA.reader(ROW);
        assertNull(reader.open(SealedColumn.CARE_DESCRIPTION, underA));
        assertEquals("已送达", reader.open(SealedColumn.CARE_COMPLETION_NOTE, underB));
        assertNull(reader.open(SealedColumn.VULNERABLE_NOTE, null), "no value is not an unavailable one");
        assertEquals(List.of("description"), reader.unavailable());
    }

    @Test
    void aMalformedRetiredKeyIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> cipher(2, KEY_B, "one:" + KEY_A));
        assertThrows(IllegalStateException.class, () -> cipher(2, KEY_B, "1:c2hvcnQ="));
    }

    /** What the re-sealing job selects: values that do not start with the current header. */
    private static boolean needsResealing(PiiCipher cipher, byte[] value) {
        return !Arrays.equals(Arrays.copyOf(value, 2), cipher.currentHeader());
    }

    private static PiiCipher cipher(int keyId, String key, String retired) {
        return new PiiCipher(new PiiConfig() {
            public String encryptionKey() { return key; }
            public int keyId() { return keyId; }
            public Optional<List<String>> retiredKeys() { return Optional.ofNullable(retired).map(List::of); }
            public String resealEvery() { return "off"; }
            public String resealDelay() { return "1m"; }
            public String hashKey() { return HASH; }
        });
    }
}
