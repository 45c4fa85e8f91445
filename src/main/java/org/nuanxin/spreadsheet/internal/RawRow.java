package org.nuanxin.spreadsheet.internal;

import java.util.Map;

/**
 * One physical row as a source read it, before header matching.
 *
 * @param rowNumber 1-based user row number
 * @param cells     by 0-based column index; text already normalised (never empty)
 */
record RawRow(int rowNumber, Map<Integer, RawCell> cells) {

    /** @param text normalised text, or null for a formula cell without a cached value */
    record RawCell(String text, boolean formula) {}

    boolean isBlank() {
        return cells.values().stream().allMatch(c -> c.text() == null && !c.formula());
    }
}
