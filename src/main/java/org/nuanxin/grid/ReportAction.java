package org.nuanxin.grid;

import java.util.EnumSet;
import java.util.Set;

/**
 * What community staff do to a report, each allowed from some states only (the report state machine, issue 10):
 *
 * <pre>
 * SUBMITTED ─verify→ VERIFIED ─forward→ FORWARDED ─note→ IN_PROGRESS ─fix→ FIXED
 *     │                 │ note→ IN_PROGRESS          └──────fix──────────↗   │
 *     ├─reject→ REJECTED└─fix→ FIXED                                        reopen
 *     └─merge→ MERGED                                                         ↓
 * REJECTED, MERGED ─reopen→ SUBMITTED;  FIXED ─reopen→ VERIFIED;  note on IN_PROGRESS stays IN_PROGRESS
 * </pre>
 *
 * Every action records who and when on the report's timeline, writes an audit entry ({@code grid.report.<action in lower case>})
 * and notifies the reporter and followers in the app.
 */
public enum ReportAction {
    /** Confirm the hazard (awards points to the reporter when they are a grid worker). */
    VERIFY(EnumSet.of(ReportState.SUBMITTED)),
    /** Refuse with a reason (required), shown to the reporter. */
    REJECT(EnumSet.of(ReportState.SUBMITTED)),
    /** Mark as a duplicate of another open report; its reporter follows the other one. */
    MERGE(EnumSet.of(ReportState.SUBMITTED)),
    /** Hand to a responsible unit (default: the category's unit in the district). */
    FORWARD(EnumSet.of(ReportState.VERIFIED, ReportState.IN_PROGRESS)),
    /** Add a progress note (required): VERIFIED and FORWARDED move to IN_PROGRESS. */
    NOTE(EnumSet.of(ReportState.VERIFIED, ReportState.FORWARDED, ReportState.IN_PROGRESS)),
    /** Mark fixed with a note (required) and optionally a photo. */
    FIX(EnumSet.of(ReportState.VERIFIED, ReportState.FORWARDED, ReportState.IN_PROGRESS)),
    /** Open again: a fixed report goes back to VERIFIED, a rejected or merged one to SUBMITTED. */
    REOPEN(EnumSet.of(ReportState.FIXED, ReportState.REJECTED, ReportState.MERGED));

    private final Set<ReportState> from;

    ReportAction(Set<ReportState> from) {
        this.from = from;
    }

    /** @return the states this action may be taken from */
    public Set<ReportState> from() {
        return from;
    }

    /** @return whether the action may be taken on a report in {@code state} */
    public boolean allowedFrom(ReportState state) {
        return from.contains(state);
    }

    /**
     * @return the state after the action from {@code state}
     * @throws IllegalStateException when the action is not allowed from {@code state}
     */
    public ReportState next(ReportState state) {
        if (!allowedFrom(state)) {
            throw new IllegalStateException(this + " is not allowed from " + state);
        }
        return switch (this) {
            case VERIFY -> ReportState.VERIFIED;
            case REJECT -> ReportState.REJECTED;
            case MERGE -> ReportState.MERGED;
            case FORWARD -> ReportState.FORWARDED;
            case NOTE -> ReportState.IN_PROGRESS;
            case FIX -> ReportState.FIXED;
            case REOPEN -> state == ReportState.FIXED ? ReportState.VERIFIED : ReportState.SUBMITTED;
        };
    }

    /** @return whether the action needs a note (a reason, a progress note, a fix note) */
    public boolean needsNote() {
        return this == REJECT || this == NOTE || this == FIX || this == REOPEN;
    }

    /** @return the message key of its button label, {@code grid.action.VERIFY} */
    public String messageKey() {
        return "grid.action." + name();
    }
}
