package org.nuanxin.spreadsheet.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the first visible sheet of an xlsx with SAX rather than loading a DOM workbook, so memory
 * stays flat however many rows a file holds and a row limit stops reading early.
 */
final class XlsxSource {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private XlsxSource() {}

    /** Feeds every row of the first visible sheet to the collector and returns its merged ranges. */
    static List<MergedRange> read(OPCPackage pkg, RowCollector collector)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XSSFReader reader = new XSSFReader(pkg);
        WorkbookInfo workbook = new WorkbookInfo();
        try (InputStream in = reader.getWorkbookData()) {
            parse(in, workbook);
        }
        if (workbook.firstVisibleSheetId == null) {
            throw new IOException("workbook has no visible sheet");
        }
        // Phonetic runs (furigana) are not part of the text a user typed.
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        SheetHandler handler = new SheetHandler(strings, styles, workbook.date1904, collector);
        try (InputStream in = reader.getSheet(workbook.firstVisibleSheetId)) {
            parse(in, handler);
        }
        return handler.merged;
    }

    private static void parse(InputStream in, DefaultHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        try {
            xml.parse(new InputSource(in));
        } catch (SAXException e) {
            // Handlers throw the rejection as an unchecked exception; some parsers wrap it.
            if (e.getException() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static final class WorkbookInfo extends DefaultHandler {
        String firstVisibleSheetId;
        boolean date1904;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            if ("workbookPr".equals(localName)) {
                String value = atts.getValue("date1904");
                date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
            } else if ("sheet".equals(localName) && firstVisibleSheetId == null) {
                String state = atts.getValue("state");
                if (state == null || "visible".equals(state)) {
                    firstVisibleSheetId =
                            atts.getValue("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
                }
            }
        }
    }

    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final RowCollector collector;
        final List<MergedRange> merged = new ArrayList<>();

        private int rowNumber;
        private Map<Integer, RawRow.RawCell> cells;
        private int column;
        private String type;
        private String style;
        private boolean formula;
        private boolean inValue;
        private boolean inInlineText;
        private boolean inPhonetic;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private final Map<Integer, DateKind> dateKinds = new HashMap<>();

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904, RowCollector collector) {
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
            this.collector = collector;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "row" -> {
                    String r = atts.getValue("r");
                    // The r attribute is optional; without it rows are consecutive.
                    rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
                    cells = new HashMap<>();
                    column = -1;
                }
                case "c" -> {
                    String r = atts.getValue("r");
                    column = r != null ? new CellReference(r).getCol() : column + 1;
                    type = atts.getValue("t");
                    style = atts.getValue("s");
                    formula = false;
                    value.setLength(0);
                    inline.setLength(0);
                }
                case "v" -> inValue = true;
                case "f" -> formula = true;
                case "t" -> inInlineText = !inPhonetic;
                case "rPh" -> inPhonetic = true;
                case "mergeCell" -> {
                    String ref = atts.getValue("ref");
                    if (ref != null) {
                        CellRangeAddress range = CellRangeAddress.valueOf(ref);
                        merged.add(new MergedRange(
                                ref,
                                range.getFirstRow() + 1,
                                range.getLastRow() + 1,
                                range.getFirstColumn(),
                                range.getLastColumn()));
                    }
                }
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            } else if (inInlineText) {
                inline.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    String text = Texts.cell(cellText());
                    if (text != null || formula) {
                        boolean number =
                                (type == null || "n".equals(type)) && text != null && dateKind() == DateKind.NONE;
                        cells.put(column, new RawRow.RawCell(text, formula, number, "e".equals(type)));
                    }
                }
                case "row" -> {
                    collector.accept(new RawRow(rowNumber, cells));
                    cells = null;
                }
                default -> {}
            }
        }

        private String cellText() {
            String v = value.toString();
            if (type == null || "n".equals(type)) {
                return v.isEmpty() ? null : number(v);
            }
            return switch (type) {
                case "s" ->
                    v.isEmpty()
                            ? null
                            : strings.getItemAt(Integer.parseInt(v.strip())).getString();
                case "inlineStr" -> inline.toString();
                case "b" -> "1".equals(v) || "true".equals(v) ? "true" : "false";
                case "d" -> v.length() > 10 && v.endsWith("T00:00:00") ? v.substring(0, 10) : v;
                default -> v; // "str" (formula text result) and "e" (error such as #N/A)
            };
        }

        private String number(String stored) {
            DateKind kind = dateKind();
            if (kind != DateKind.NONE) {
                double serial = Double.parseDouble(stored);
                if (DateUtil.isValidExcelDate(serial)) {
                    LocalDateTime at = DateUtil.getLocalDateTime(serial, date1904, true);
                    return switch (kind) {
                        case DATE -> at.format(DATE);
                        case DATE_TIME -> at.format(DATE_TIME);
                        case TIME -> at.format(TIME);
                        case TIME_SECONDS -> at.format(TIME_SECONDS);
                        case NONE -> throw new IllegalStateException();
                    };
                }
            }
            return Texts.plainNumber(stored);
        }

        private DateKind dateKind() {
            if (style == null || styles == null) {
                return DateKind.NONE;
            }
            int index = Integer.parseInt(style);
            return dateKinds.computeIfAbsent(index, i -> {
                XSSFCellStyle cellStyle = styles.getStyleAt(i);
                if (cellStyle == null) {
                    return DateKind.NONE;
                }
                int formatIndex = cellStyle.getDataFormat();
                String format = cellStyle.getDataFormatString();
                if (format == null) {
                    format = BuiltinFormats.getBuiltinFormat(formatIndex);
                }
                if (format == null || !DateUtil.isADateFormat(formatIndex, format)) {
                    return DateKind.NONE;
                }
                return DateKind.of(format);
            });
        }
    }

    private enum DateKind {
        NONE,
        DATE,
        DATE_TIME,
        TIME,
        TIME_SECONDS;

        static DateKind of(String format) {
            // Quoted literals, [colour]/[locale] blocks and escaped characters are not date parts.
            String parts = format.replaceAll("\"[^\"]*\"", "")
                    .replaceAll("\\[[^\\]]*\\]", "")
                    .replaceAll("\\\\.", "")
                    .toLowerCase(Locale.ROOT);
            boolean date = parts.contains("y") || parts.contains("d");
            boolean time = parts.contains("h") || parts.contains("s");
            if (date) {
                return time ? DATE_TIME : DATE;
            }
            if (time) {
                return parts.contains("s") ? TIME_SECONDS : TIME;
            }
            // Only "m" (e.g. "mmm"): treat as a date.
            return DATE;
        }
    }
}
