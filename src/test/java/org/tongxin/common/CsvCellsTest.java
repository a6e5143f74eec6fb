package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The six starting characters OWASP names, and text that starts otherwise. */
@Tag("fast")
class CsvCellsTest {

    @Test
    void aCellAStartingCharacterWouldMakeAFormulaOfGetsALeadingQuote() {
        for (String start : new String[] {"=", "+", "-", "@", "\t", "\r"}) {
            assertEquals("'" + start + "1+1", CsvCells.text(start + "1+1"));
        }
        assertEquals("放门口 =1+1", CsvCells.text("放门口 =1+1"));
        assertEquals("", CsvCells.text(null));
        assertEquals("", CsvCells.text(""));
    }
}
