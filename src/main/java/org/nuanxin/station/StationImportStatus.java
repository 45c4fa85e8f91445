package org.nuanxin.station;

/**
 * Where an import stands.
 *
 * @param id        opaque import id
 * @param fileName  the uploaded file's name
 * @param state     what it is doing
 * @param total     data rows in the file
 * @param processed rows checked (while CHECKING) or written (while COMMITTING)
 * @param toCreate  rows that will add (or added) a station
 * @param toUpdate  rows that will change (or changed) a station
 * @param unchanged rows equal to the station already stored
 * @param problemCount problems found, by row and column (read a page at a time with
 *                  {@link StationImports#problems}); the import can be committed only without any
 * @param message   a sentence for the user about a failure, in their language, or empty
 */
public record StationImportStatus(
        String id,
        String fileName,
        State state,
        int total,
        int processed,
        int toCreate,
        int toUpdate,
        int unchanged,
        int problemCount,
        String message) {

    /** The life of an import. */
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

    /** What one row does. */
    public enum Action {
        CREATE,
        UPDATE,
        UNCHANGED,
        ERROR
    }

    /**
     * @param rowNumber the row as numbered in the file
     * @param action    what committing will do
     * @param code      the station's code (generated codes are assigned on commit and shown empty)
     * @param name      station name
     * @param district  district name as given
     */
    public record PreviewRow(int rowNumber, Action action, String code, String name, String district) {}

    /** @return true while the import is checking or writing: the console polls its progress */
    public boolean working() {
        return state == State.CHECKING || state == State.COMMITTING;
    }

    /** @return 0..100, how far the current step is */
    public int percent() {
        return total == 0 ? (state.finished() || state == State.READY ? 100 : 0) : (int) (100L * processed / total);
    }
}
