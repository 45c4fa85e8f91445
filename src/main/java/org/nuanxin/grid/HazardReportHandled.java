package org.nuanxin.grid;

/**
 * Staff took an action on a hazard report (published through the outbox in the same transaction); the report card
 * counts verified and fixed reports and the time they took.
 *
 * @param reportId       the report
 * @param action         what was done
 * @param state          the state after it
 * @param organizationId the organisation whose staff handle it
 */
public record HazardReportHandled(long reportId, ReportAction action, ReportState state, long organizationId) {}
