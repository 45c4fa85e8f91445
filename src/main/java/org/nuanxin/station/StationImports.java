package org.nuanxin.station;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.spreadsheet.CellProblem;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Imports a station roster (xlsx or csv, UTF-8 or GBK) in two steps: {@link #start} reads and checks
 * every row in the background and prepares a preview; {@link #commit} writes it all in one
 * transaction, or nothing. Rows are matched to existing stations by code, else by district and
 * name, so importing the same file again updates and never duplicates. Imports are kept in the
 * database for two hours, so any node (and a restarted one) shows them; the problems and the preview
 * are read a page at a time.
 */
public interface StationImports {

    /**
     * Starts checking an uploaded file.
     *
     * @param defaultCrs the coordinate system of rows that do not name one (null: such rows are errors)
     * @param owner      the user who uploaded it; only they can see and commit the import
     * @return the import's status, usually still checking
     */
    StationImportStatus start(
            String fileName, byte[] content, @Nullable CoordinateSystem defaultCrs, String owner, Locale locale);

    /** Writes an xlsx template of the roster: the header row the import reads and one example row. */
    void writeTemplate(java.io.OutputStream out);

    /** @return the status of an import started by {@code owner}, empty when unknown or expired */
    Optional<StationImportStatus> status(String id, String owner);

    /** @return one page of the import's problems, by row; empty when unknown, expired or not the owner's */
    Page<CellProblem> problems(String id, String owner, Pageable page);

    /** @return one page of what each row will do, in file order; empty likewise and after the commit */
    Page<StationImportStatus.PreviewRow> preview(String id, String owner, Pageable page);

    /**
     * Writes a checked import. Calling it again on an import already committing or committed returns
     * its status and writes nothing more.
     *
     * @throws java.util.NoSuchElementException when the import is unknown, expired or not the owner's
     * @throws IllegalStateException when the import has errors or is still being checked
     */
    StationImportStatus commit(String id, String owner);
}
