package org.nuanxin.spreadsheet.internal;

import org.nuanxin.spreadsheet.SpreadsheetLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code nuanxin.spreadsheet.*}: limits on uploaded sheets. Defaults: max-file-size 10MB (the
 * multipart limit), max-rows 200000, max-columns 200, max-entry-size 100MB, min-inflate-ratio 0.01.
 */
@ConfigurationProperties("nuanxin.spreadsheet")
record SpreadsheetProperties(
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("200000") int maxRows,
        @DefaultValue("200") int maxColumns,
        @DefaultValue("100MB") DataSize maxEntrySize,
        @DefaultValue("0.01") double minInflateRatio) {

    SpreadsheetLimits limits() {
        return new SpreadsheetLimits(
                maxFileSize.toBytes(), maxRows, maxColumns, maxEntrySize.toBytes(), minInflateRatio);
    }
}
