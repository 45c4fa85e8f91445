/**
 * Rider-friendly blocks (骑手友好街区), their part-time grid workers (兼职网格员) and hazard reports (issue 10): riders
 * report a hazard with photos and a location, community staff triage it (verify, reject, merge, forward, note, fix,
 * reopen) within their data scope, the reporter follows its timeline, and other systems exchange reports through
 * Open311 GeoReport v2 under {@code /open311/v2}.
 *
 * <p>Public API: the taxonomy ({@link org.nuanxin.grid.HazardCategory}), the state machine
 * ({@link org.nuanxin.grid.ReportState}, {@link org.nuanxin.grid.ReportAction}), the permissions
 * ({@link org.nuanxin.grid.GridPermissions}), the photo intake ({@link org.nuanxin.grid.PhotoIntake}) and the
 * events ({@link org.nuanxin.grid.HazardReported}, {@link org.nuanxin.grid.HazardReportHandled}). Everything else
 * (services, pages, the Open311 adapter) is internal to the module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grid and hazard reports")
@org.jspecify.annotations.NullMarked
package org.nuanxin.grid;
