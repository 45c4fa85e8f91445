package org.nuanxin.spreadsheet.internal;

import java.util.Map;

/**
 * One physical row as a source read it, before header matching.
 *
 * @param rowNumber 1-based user row number
 * @param cells     by 0-based column index; text already normalised (never empty)
 */
record RawRow(int rowNumber, Map<Integer, RawCell> cells) {

    /**
     * @param text    normalised text, or null for a formula cell without a cached value
     * @param formula whether the cell holds a formula
     * @param number  whether an xlsx stored the cell as a number (not a date): its text is the number's
     *                plain decimal, which for more than 15 digits is not what the user typed
     * @param error   whether the cell holds an error value such as {@code #N/A} or {@code #VALUE!}
     */
    record RawCell(String text, boolean formula, boolean number, boolean error) {

        RawCell(String text, boolean formula) {
            this(text, formula, false, false);
        }
    }

    boolean isBlank() {
        return cells.values().stream().allMatch(c -> c.text() == null && !c.formula());
    }
}
