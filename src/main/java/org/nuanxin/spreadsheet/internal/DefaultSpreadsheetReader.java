package org.nuanxin.spreadsheet.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.nuanxin.spreadsheet.ParsedSheet;
import org.nuanxin.spreadsheet.SheetFormat;
import org.nuanxin.spreadsheet.SheetSchema;
import org.nuanxin.spreadsheet.SpreadsheetLimits;
import org.nuanxin.spreadsheet.SpreadsheetReader;
import org.nuanxin.spreadsheet.SpreadsheetRejectedException;
import org.nuanxin.spreadsheet.SpreadsheetRejectedException.Reason;

/** The reader behind {@link SpreadsheetReader}: content sniffing, limits, then xlsx or CSV. */
public final class DefaultSpreadsheetReader implements SpreadsheetReader {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    /** Unpacked sheet XML a wide roster row may take (13 columns of text take about 600 bytes). */
    static final long BYTES_PER_ROW = 2048;

    private final SpreadsheetLimits limits;

    public DefaultSpreadsheetReader(SpreadsheetLimits limits) {
        this.limits = limits;
        // POI keeps these limits in static fields, so they apply to every POI read in the process.
        // Tightening them here is what we want everywhere: no module should inflate a zip bomb.
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        // A sheet of maxRows rows is allowed to unpack to what such rows take (BYTES_PER_ROW each), so a
        // roster over the row limit is refused for its rows, not as a zip bomb; the inflate ratio still
        // stops real bombs.
        ZipSecureFile.setMaxEntrySize(Math.max(limits.maxEntryBytes(), (long) limits.maxRows() * BYTES_PER_ROW));
    }

    @Override
    public ParsedSheet read(String fileName, InputStream in, SheetSchema schema, Locale locale) {
        Messages messages = Messages.forLocale(locale);
        String name = fileName == null || fileName.isBlank() ? "?" : fileName;
        byte[] bytes = readCapped(in, name, messages);
        if (bytes.length == 0) {
            throw new SpreadsheetRejectedException(Reason.NOT_A_SPREADSHEET, messages.get("empty", name));
        }
        RowCollector collector = new RowCollector(schema, limits, messages);
        if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
            List<MergedRange> merged = readXlsx(bytes, name, collector, messages);
            return result(name, SheetFormat.XLSX, null, collector.finish(merged));
        }
        if (startsWith(bytes, OLE2)) {
            throw new SpreadsheetRejectedException(Reason.NOT_A_SPREADSHEET, messages.get("xls", name));
        }
        if (CsvSource.looksBinary(bytes)) {
            throw new SpreadsheetRejectedException(Reason.NOT_A_SPREADSHEET, messages.get("notSpreadsheet", name));
        }
        String foreign = CsvSource.foreignEncoding(bytes);
        if (foreign != null) {
            throw new SpreadsheetRejectedException(
                    Reason.NOT_A_SPREADSHEET, messages.get("wrongEncoding", name, foreign));
        }
        CsvSource.Decoded decoded = CsvSource.decode(bytes);
        if (decoded == null) {
            throw new SpreadsheetRejectedException(Reason.NOT_A_SPREADSHEET, messages.get("unreadableText", name));
        }
        if (CsvSource.looksLikeMarkup(decoded.text())) {
            // A web page or XML saved with a spreadsheet's name (a browser's "save as", an old "Excel" export).
            throw new SpreadsheetRejectedException(Reason.NOT_A_SPREADSHEET, messages.get("notSpreadsheet", name));
        }
        try {
            CsvSource.read(decoded.text(), collector);
        } catch (IOException | IllegalStateException e) {
            throw new SpreadsheetRejectedException(Reason.CORRUPT, messages.get("csvCorrupt", name));
        }
        return result(name, SheetFormat.CSV, decoded.charset().name(), collector.finish(List.of()));
    }

    private List<MergedRange> readXlsx(byte[] bytes, String name, RowCollector collector, Messages messages) {
        Path file = null;
        try {
            // From a file POI reads entries lazily through ZipSecureFile, instead of inflating every
            // part into memory as it does from a stream.
            file = Files.createTempFile("nuanxin-upload-", ".xlsx");
            Files.write(file, bytes);
            checkZip(file, name, messages);
            OPCPackage pkg;
            try {
                pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            } catch (Exception e) {
                throw rejectXlsx(e, name, messages);
            }
            try {
                return XlsxSource.read(pkg, collector);
            } catch (SpreadsheetRejectedException e) {
                throw e;
            } catch (Exception e) {
                throw rejectXlsx(e, name, messages);
            } finally {
                pkg.revert();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A leftover temp file is harmless; the read result matters more.
                }
            }
        }
    }

    /** Tells a damaged zip (CORRUPT) from a sound zip that is not a workbook (NOT_A_SPREADSHEET). */
    private static void checkZip(Path file, String name, Messages messages) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null
                    || zip.stream().noneMatch(e -> e.getName().startsWith("xl/"))) {
                throw new SpreadsheetRejectedException(Reason.NOT_A_SPREADSHEET, messages.get("notSpreadsheet", name));
            }
        } catch (ZipException e) {
            throw new SpreadsheetRejectedException(Reason.CORRUPT, messages.get("corrupt", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SpreadsheetRejectedException rejectXlsx(Exception e, String name, Messages messages) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb")
                    || message.contains("max entry size")
                    || message.contains("exceeds the maximum")) {
                return new SpreadsheetRejectedException(Reason.TOO_LARGE, messages.get("zipBomb", name));
            }
            if (t instanceof SpreadsheetRejectedException rejected) {
                return rejected;
            }
        }
        return new SpreadsheetRejectedException(Reason.CORRUPT, messages.get("corrupt", name));
    }

    private byte[] readCapped(InputStream in, String name, Messages messages) {
        try {
            byte[] bytes = in.readNBytes(Math.toIntExact(Math.min(limits.maxBytes() + 1, Integer.MAX_VALUE - 8)));
            if (bytes.length > limits.maxBytes()) {
                throw new SpreadsheetRejectedException(
                        Reason.TOO_LARGE, messages.get("tooLarge", name, megabytes(limits.maxBytes())));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String megabytes(long bytes) {
        return Texts.plainNumber(bytes / (1024.0 * 1024.0));
    }

    private static ParsedSheet result(String name, SheetFormat format, String encoding, RowCollector.Result result) {
        RowCollector.HeaderMatch header = result.header();
        return new ParsedSheet(
                name,
                format,
                encoding,
                header.rowNumber(),
                header.letters(),
                header.unknownHeaders(),
                result.rows(),
                result.problems());
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
