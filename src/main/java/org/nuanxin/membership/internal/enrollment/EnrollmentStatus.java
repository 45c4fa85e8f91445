package org.nuanxin.membership.internal.enrollment;

import java.time.LocalDate;

/**
 * Where a mass enrollment stands.
 *
 * @param id           opaque id
 * @param fileName     the uploaded file's name
 * @param unionId      the union every row joins
 * @param eventDate    the event's date (joining date of rows without one)
 * @param state        what it is doing
 * @param mode         how it was committed, or null before
 * @param total        data rows in the file
 * @param processed    rows checked (CHECKING) or written (COMMITTING)
 * @param toCreate     rows that will create (or created) a membership
 * @param toUpdate     rows that will update (or updated) a membership of this union
 * @param unchanged    rows equal to a membership of this union
 * @param refused      rows with at least one problem, never written
 * @param problemCount problems by row and column
 * @param message      a sentence about a failure in the user's language, or empty
 */
public record EnrollmentStatus(
        String id,
        String fileName,
        long unionId,
        LocalDate eventDate,
        State state,
        @org.jspecify.annotations.Nullable Mode mode,
        int total,
        int processed,
        int toCreate,
        int toUpdate,
        int unchanged,
        int refused,
        int problemCount,
        String message) {

    /** The life of an enrollment job. */
    public enum State {
        CHECKING,
        READY,
        INVALID,
        REJECTED,
        COMMITTING,
        COMMITTED,
        FAILED;

        public boolean finished() {
            return this == INVALID || this == REJECTED || this == COMMITTED || this == FAILED;
        }
    }

    /** What staff chose to write. */
    public enum Mode {
        /** Nothing unless every row is valid. */
        ALL,
        /** Every valid row; rows with problems are refused and listed in the result. */
        VALID_ROWS
    }

    /** What one row does. */
    public enum Action {
        CREATE,
        UPDATE,
        UNCHANGED,
        REFUSED
    }

    /** A row of the preview: masked, never the clear name or number. */
    public record PreviewRow(int rowNumber, Action action, String nameMasked, String idMasked, String occupation) {}

    public boolean working() {
        return state == State.CHECKING || state == State.COMMITTING;
    }

    /** @return whether the valid rows can be written while other rows have problems */
    public boolean canCommitValidRows() {
        return state == State.INVALID && toCreate + toUpdate > 0;
    }

    public int percent() {
        return total == 0 ? (state.finished() || state == State.READY ? 100 : 0) : (int) (100L * processed / total);
    }
}
