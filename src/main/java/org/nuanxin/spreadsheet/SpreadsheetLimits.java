package org.nuanxin.spreadsheet;

/**
 * Limits that keep one upload from exhausting the server.
 *
 * @param maxBytes        largest accepted file, in bytes (default 10 MiB, matching the upload limit)
 * @param maxRows         most data rows below the header (default 200,000)
 * @param maxColumns      most columns with values (default 200)
 * @param maxEntryBytes   largest unpacked part of an xlsx, in bytes (default 100 MiB); raised to 2 KiB per
 *                        allowed row, so that a sheet over the row limit is refused for its rows
 * @param minInflateRatio smallest compressed/uncompressed ratio of an xlsx part before it counts as a
 *                        zip bomb (default 0.01, i.e. 100:1)
 * @throws IllegalArgumentException if a limit is not positive
 */
public record SpreadsheetLimits(
        long maxBytes, int maxRows, int maxColumns, long maxEntryBytes, double minInflateRatio) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_ROWS = 200_000;
    public static final int DEFAULT_MAX_COLUMNS = 200;
    public static final long DEFAULT_MAX_ENTRY_BYTES = 100L * 1024 * 1024;
    public static final double DEFAULT_MIN_INFLATE_RATIO = 0.01;

    public SpreadsheetLimits {
        if (maxBytes <= 0 || maxRows <= 0 || maxColumns <= 0 || maxEntryBytes <= 0 || minInflateRatio <= 0) {
            throw new IllegalArgumentException("spreadsheet limits must be positive");
        }
    }

    public static SpreadsheetLimits defaults() {
        return new SpreadsheetLimits(
                DEFAULT_MAX_BYTES,
                DEFAULT_MAX_ROWS,
                DEFAULT_MAX_COLUMNS,
                DEFAULT_MAX_ENTRY_BYTES,
                DEFAULT_MIN_INFLATE_RATIO);
    }

    public SpreadsheetLimits withMaxBytes(long bytes) {
        return new SpreadsheetLimits(bytes, maxRows, maxColumns, maxEntryBytes, minInflateRatio);
    }

    public SpreadsheetLimits withMaxRows(int rows) {
        return new SpreadsheetLimits(maxBytes, rows, maxColumns, maxEntryBytes, minInflateRatio);
    }
}
