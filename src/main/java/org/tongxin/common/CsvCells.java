package org.tongxin.common;

/**
 * Text that people typed (an order note, a room, a product name) goes into CSV sheets staff and
 * suppliers open in a spreadsheet program, which runs a cell starting with {@code =}, {@code +},
 * {@code -} or {@code @} as a formula ({@code =HYPERLINK(...)} leaks the sheet, DDE runs programs).
 * Such a cell, or one starting with a tab or carriage return, is written with a leading {@code '}
 * (the OWASP guidance on CSV injection), which spreadsheets show as text. XLSX cells are typed
 * strings and need none of this.
 */
public final class CsvCells {

    private CsvCells() {}

    /** The text as a CSV cell a spreadsheet shows and never evaluates; null becomes empty. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
