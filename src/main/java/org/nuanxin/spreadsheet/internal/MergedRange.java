package org.nuanxin.spreadsheet.internal;

/** A merged region with 1-based rows and 0-based columns, as in the sheet's mergeCell ref. */
record MergedRange(String ref, int firstRow, int lastRow, int firstColumn, int lastColumn) {}
