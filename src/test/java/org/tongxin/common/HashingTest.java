package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Random digit codes (an order's pickup codes): their shape, and every digit equally likely. */
@Tag("fast")
class HashingTest {

    @Test
    void codesHaveTheAskedShape() {
        String[] codes = Hashing.randomDigits(8, 6);
        assertEquals(8, codes.length);
        for (String code : codes) {
            assertTrue(code.matches("[0-9]{6}"), code);
        }
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            distinct.addAll(Set.of(Hashing.randomDigits(1, 6)));
        }
        assertTrue(distinct.size() > 990, "1,000 codes of 6 digits should hardly repeat: " + distinct.size());
    }

    /**
     * A chi-square test over 1.2 M digits drawn in pools larger than one draw of bytes, so that the
     * refill is exercised. Mapping all 256 byte values with {@code % 10} would make 0-5 about 4 %
     * likelier than 6-9, a chi-square in the hundreds; a fair generator passes the 1-in-a-million
     * bound (9 degrees of freedom: 41.9) all but once in a million runs.
     */
    @Test
    void everyDigitIsEquallyLikely() {
        long[] seen = new long[10];
        int total = 0;
        for (int round = 0; round < 100; round++) {
            for (String code : Hashing.randomDigits(1_000, 12)) {
                for (int i = 0; i < code.length(); i++) {
                    seen[code.charAt(i) - '0']++;
                    total++;
                }
            }
        }
        double expected = total / 10.0;
        double chiSquare = 0;
        for (long count : seen) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        assertTrue(chiSquare < 41.9, "digits not uniform, chi-square " + chiSquare);
    }
}
