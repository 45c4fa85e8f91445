/**
 * Grid pages. Console: the triage queue, a report with its actions, the map, the export, blocks and units. Worker side:
 * {@code /m/report} (report a hazard, with the "is it this one?" step), {@code /m/reports} (the worker's reports,
 * timelines and notices), {@code /m/reports/photos/{key}} (photos by their unguessable key, public) and
 * {@code /m/grid} (part-time grid worker: enrolment, points, nearest blocks).
 */
@org.jspecify.annotations.NullMarked
package org.nuanxin.grid.web;
