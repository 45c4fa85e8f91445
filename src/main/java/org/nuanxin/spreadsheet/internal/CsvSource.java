package org.nuanxin.spreadsheet.internal;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Decodes CSV text the way Excel on Chinese Windows and elsewhere writes it, and parses it. */
final class CsvSource {

    static final Charset GB18030 = Charset.forName("GB18030");

    private CsvSource() {}

    /** Text and the charset it was decoded with, or null when no supported charset fits. */
    record Decoded(String text, Charset charset) {}

    /**
     * A BOM decides; otherwise strict UTF-8, and if that fails GB18030 (a superset of GBK, which
     * "CSV (逗号分隔)" from Chinese Excel writes). Strict decoding means a GBK file is never misread
     * as UTF-8 with replacement characters.
     */
    static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE);
        }
        Decoded utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        return utf8 != null ? utf8 : strict(bytes, 0, GB18030);
    }

    /**
     * Names the encoding of text that is neither UTF-8 nor GB18030 (GBK): Big5, Shift-JIS, EUC-KR,
     * Latin-1 … as ICU's {@link CharsetDetector} judges it. Such bytes often decode as GB18030 without
     * an error and would be stored as mojibake, so they are refused by name instead.
     *
     * @return the detected charset's name, or null when the text is (or may well be) UTF-8 or GB18030
     */
    static String foreignEncoding(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF) || startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            return null;
        }
        if (strict(bytes, 0, StandardCharsets.UTF_8) != null) {
            return null;
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch[] matches = detector.detectAll();
        if (matches == null || matches.length == 0) {
            return null;
        }
        int gb = 0;
        for (CharsetMatch m : matches) {
            if (m.getName().equalsIgnoreCase("GB18030")) {
                gb = Math.max(gb, m.getConfidence());
            }
        }
        CharsetMatch best = matches[0];
        String name = best.getName();
        if (name.equalsIgnoreCase("GB18030") || name.equalsIgnoreCase("UTF-8") || gb >= best.getConfidence()) {
            return null;
        }
        return name;
    }

    /** Heuristic for binary content: text files have no NUL and almost no other control bytes. */
    static boolean looksBinary(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            return false;
        }
        int control = 0;
        int sample = Math.min(bytes.length, 64 * 1024);
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) {
                control++;
            }
        }
        return control > sample / 100;
    }

    /** @return true when the text is HTML or XML markup rather than rows of values */
    static boolean looksLikeMarkup(String text) {
        String head = text.substring(0, Math.min(text.length(), 2048)).strip().toLowerCase(java.util.Locale.ROOT);
        if (head.startsWith("\ufeff")) {
            head = head.substring(1).strip();
        }
        return head.startsWith("<!doctype")
                || head.startsWith("<html")
                || head.startsWith("<?xml")
                || head.startsWith("<table")
                || head.startsWith("<!--")
                || (head.startsWith("<")
                        && (head.contains("<html") || head.contains("<body") || head.contains("<table")));
    }

    /** Feeds every record to the collector; record numbers are the rows Excel shows. */
    static void read(String text, RowCollector collector) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter(text))
                // Blank lines must be records, or every row number after one would be off by one.
                .setIgnoreEmptyLines(false)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                Map<Integer, RawRow.RawCell> cells = new HashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    String value = Texts.cell(record.get(i));
                    if (value != null) {
                        cells.put(i, new RawRow.RawCell(value, false));
                    }
                }
                collector.accept(new RawRow(Math.toIntExact(record.getRecordNumber()), cells));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Comma unless the first lines clearly use tabs (Excel "Unicode text") or semicolons. */
    private static char delimiter(String text) {
        String head = text.substring(0, Math.min(text.length(), 4096));
        long commas = head.chars().filter(c -> c == ',').count();
        long tabs = head.chars().filter(c -> c == '\t').count();
        long semicolons = head.chars().filter(c -> c == ';').count();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        if (semicolons > commas && semicolons > tabs) {
            return ';';
        }
        return ',';
    }

    private static Decoded strict(byte[] bytes, int offset, Charset charset) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
            return new Decoded(text, charset);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
