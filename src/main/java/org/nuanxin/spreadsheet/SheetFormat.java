package org.nuanxin.spreadsheet;

/** The file format a sheet was read from, detected from its content. */
public enum SheetFormat {
    /** Office Open XML workbook (Excel 2007 and later). */
    XLSX,
    /** Comma-separated text in UTF-8 (with or without BOM) or GB18030/GBK. */
    CSV
}
