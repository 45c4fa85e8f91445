package org.nuanxin.grid;

/**
 * Where a hazard report stands. Open311 reports {@code open} for the open states and {@code closed} for the others,
 * with this state in {@code status_notes}. The moves between states are {@link ReportAction}s.
 */
public enum ReportState {
    /** Sent by a rider or an API client, waiting for community staff to verify it (SLA clock running). */
    SUBMITTED(true),
    /** Staff confirmed the hazard is real; points are awarded to the reporting grid worker. */
    VERIFIED(true),
    /** Handed to the responsible unit (城管、市政、交通…). */
    FORWARDED(true),
    /** The unit is working on it (a progress note was added). */
    IN_PROGRESS(true),
    /** Fixed, with the fixer's note and usually a photo. */
    FIXED(false),
    /** Not a hazard, or not one Nuanxin handles; the reason is shown to the reporter. */
    REJECTED(false),
    /** A duplicate of another report, which the reporter now follows. */
    MERGED(false);

    private final boolean open;

    ReportState(boolean open) {
        this.open = open;
    }

    /** @return whether the report still needs handling (Open311 {@code open}) */
    public boolean isOpen() {
        return open;
    }

    /** @return the message key of its name, {@code grid.state.SUBMITTED} */
    public String messageKey() {
        return "grid.state." + name();
    }
}
