package org.nuanxin.spreadsheet;

import java.util.List;
import java.util.Objects;

/**
 * One column a capability expects in an uploaded sheet.
 *
 * <p>Headers are matched after normalisation: NFKC (full-width → half-width), case, all whitespace,
 * a leading {@code *} (the "required" marker of many templates) and bracketed units such as
 * {@code 经度(°)} or {@code 金额【元】} are ignored. So {@code "联系 电话"}, {@code "联系电话（手机）"} and
 * {@code "*联系电话"} all match the header {@code 联系电话}.
 *
 * @param key      the key the capability reads values by, e.g. {@code "phone"}; unique in a schema
 * @param header   the canonical Chinese header, used in exports and in error messages
 * @param aliases  other headers staff use for the same column (may be empty)
 * @param required whether a file without this column is rejected with
 *                 {@link SpreadsheetRejectedException.Reason#MISSING_COLUMNS}
 * @param text     whether values must be typed as text (identity numbers, phone numbers, codes): a number
 *                 cell of an xlsx in this column is a {@link CellProblem} of its cell and gives no value, since
 *                 Excel keeps only 15 significant digits of a number (an 18-digit identity number typed into a
 *                 number cell is already rounded when the file is saved, and cannot be read back)
 * @throws IllegalArgumentException if key or header is blank
 */
public record ColumnSpec(String key, String header, List<String> aliases, boolean required, boolean text) {

    public ColumnSpec {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("column key must not be blank");
        }
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("column header must not be blank for key " + key);
        }
        aliases = List.copyOf(Objects.requireNonNullElse(aliases, List.of()));
    }

    /** A column whose number cells are read as numbers (the usual case). */
    public ColumnSpec(String key, String header, List<String> aliases, boolean required) {
        this(key, header, aliases, required, false);
    }

    /** @return this column, whose values must be typed as text (see {@link #text()}) */
    public ColumnSpec asText() {
        return new ColumnSpec(key, header, aliases, required, true);
    }

    /** A column the file must have. */
    public static ColumnSpec required(String key, String header, String... aliases) {
        return new ColumnSpec(key, header, List.of(aliases), true);
    }

    /** A column the file may have; its values are then simply absent. */
    public static ColumnSpec optional(String key, String header, String... aliases) {
        return new ColumnSpec(key, header, List.of(aliases), false);
    }
}
