/**
 * Reading the spreadsheets union offices keep (xlsx, csv in UTF-8 or GBK) into validated text rows,
 * and writing formula-safe xlsx exports. Each capability maps rows to its own records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Spreadsheets")
@org.jspecify.annotations.NullMarked
package org.nuanxin.spreadsheet;
