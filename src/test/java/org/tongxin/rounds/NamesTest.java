package org.tongxin.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How names are masked on sheets and lists. */
@Tag("fast")
class NamesTest {

    @Test
    void theFirstAndLastCharacterStay() {
        assertEquals("王*英", Names.mask("王秀英"));
        assertEquals("欧**华", Names.mask("欧阳振华"));
        assertEquals("李*", Names.mask("李四"));
        assertEquals("*", Names.mask("明"));
        assertEquals("", Names.mask("  "));
        assertEquals("A***e", Names.mask("Annie"));
    }

    @Test
    void charactersOutsideTheBasicPlaneCountOnce() {
        assertEquals("𠮷*郎", Names.mask("𠮷野郎"));
    }
}
