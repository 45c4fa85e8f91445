/** Implementation of the spreadsheet reader: CSV and xlsx sources, row collection, limits. */
@org.jspecify.annotations.NullMarked
package org.nuanxin.spreadsheet.internal;
