package org.nuanxin.grid.internal;

/** A report changed (another staff member acted) since the version the user saw; the page reloads it. */
public class ReportChangedConcurrentlyException extends RuntimeException {

    public ReportChangedConcurrentlyException(long id) {
        super("report " + id + " changed concurrently");
    }
}
