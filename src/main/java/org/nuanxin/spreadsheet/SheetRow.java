package org.nuanxin.spreadsheet;

import java.util.Map;
import java.util.Optional;

/**
 * One non-blank data row of an uploaded sheet, as text.
 *
 * <p>Values are already normalised: NFKC (full-width digits and letters → half-width, ideographic
 * space → space), trimmed, and an empty cell is absent rather than {@code ""}. Numbers stored as
 * numbers read as plain decimals ({@code 13800000101}, {@code 106.5785}), dates as
 * {@code yyyy-MM-dd}, times as {@code HH:mm}.
 *
 * @param rowNumber     the 1-based row number the user sees in Excel (for CSV: the record number,
 *                      which is the Excel row when the file is opened in Excel)
 * @param values        text by {@link ColumnSpec#key()}; only keys with a non-empty value
 * @param columnLetters the column letter ({@code "E"}) where each schema key was found in this
 *                      file; shared by all rows of one sheet
 */
public record SheetRow(int rowNumber, Map<String, String> values, Map<String, String> columnLetters) {

    public SheetRow {
        values = Map.copyOf(values);
        columnLetters = Map.copyOf(columnLetters);
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * The cell reference of a key in this row, e.g. {@code "E5"}, for error messages.
     *
     * @throws IllegalArgumentException if the key's column is not in this file
     */
    public String cellRef(String key) {
        String letter = columnLetters.get(key);
        if (letter == null) {
            throw new IllegalArgumentException("column " + key + " is not in this file");
        }
        return letter + rowNumber;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    private static final java.util.regex.Pattern INVISIBLE =
            java.util.regex.Pattern.compile("[\\u00AD\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]");

    /**
     * The form in which two values typed or pasted by people are compared: without the invisible
     * characters web pages and chats carry along (zero-width spaces and joiners, a byte-order mark inside
     * the text, soft hyphens, direction marks). Compare on it; store what the user wrote.
     */
    public static String comparable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u00AD') { // every invisible character is at or above U+00AD
                return INVISIBLE.matcher(text).replaceAll("");
            }
        }
        return text; // plain ASCII and Latin-1 letters: nothing to remove, no matcher (every cell of a roster)
    }
}
