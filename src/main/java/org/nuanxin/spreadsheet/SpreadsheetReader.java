package org.nuanxin.spreadsheet;

import java.io.InputStream;
import java.util.Locale;

/**
 * Reads an uploaded xlsx or CSV into text rows keyed by a capability's schema. Inject the Spring
 * bean, the only reader of the application, configured by {@code nuanxin.spreadsheet.*}: the
 * zip-bomb guards it sets are process-wide in Apache POI, so a second reader with other limits
 * would silently change them.
 *
 * <p>The format is detected from the content, not the file name: a zip is read as xlsx (first
 * visible sheet only), an OLE2 .xls is refused with a "save as .xlsx" message, other text is CSV in
 * UTF-8 (BOM or not) or else GB18030 (a superset of GBK). The header is the first of the first 20
 * non-empty rows that has every required column (or the best-matching row), so title rows above it
 * are skipped. Blank rows are skipped but keep the user's row numbers.
 */
public interface SpreadsheetReader {

    /**
     * @param fileName the uploaded name, used only in messages
     * @param in       the file content; read up to the byte limit and not closed
     * @param schema   the columns expected
     * @param locale   language of messages ({@link Locale#ENGLISH} for English; anything else
     *                 without an English bundle gets Simplified Chinese)
     * @return the parsed sheet, possibly with no rows
     * @throws SpreadsheetRejectedException with a {@link SpreadsheetRejectedException.Reason} and
     *                                      problems naming columns, cells or ranges, when the file as a
     *                                      whole cannot be used
     */
    ParsedSheet read(String fileName, InputStream in, SheetSchema schema, Locale locale);
}
