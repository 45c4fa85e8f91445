package org.nuanxin.grid.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.ReportAction;
import org.nuanxin.grid.SanitizedPhoto;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Hazard reports: submitted by riders (worker pages) and Open311 clients, handled by community staff (console), read
 * back by reporters and the public Open311 API. Staff methods ask {@link org.nuanxin.grid.GridPermissions} and the
 * data scope; a report outside the scope is "not found" (empty), never "forbidden".
 */
public interface ReportService {

    /** Longest description, in characters (Unicode code points). */
    int MAX_DESCRIPTION = 500;
    /** Most photos on one report. */
    int MAX_PHOTOS = 3;
    /** Radius of the "is it this one?" suggestion, metres. */
    double NEARBY_METRES = 250;
    /** Points a grid worker earns for a verified report. */
    int POINTS_PER_VERIFIED_REPORT = 10;

    /** The outcome of a submit. @param replay true when the idempotency key named an earlier report (nothing new was written) */
    record Submission(Report report, boolean replay) {}

    /** An open report near a point. @param metres great-circle distance from the point */
    record Nearby(Report report, double metres) {}

    /**
     * What staff add to an action.
     *
     * @param note        the reason (REJECT), progress (NOTE), fix note (FIX), reason to reopen (REOPEN); at most 1,000
     *                    characters
     * @param forwardTo   FORWARD: the unit, null/blank for the category's default unit in the district
     * @param duplicateOf MERGE: the open report it duplicates (in the same scope, not itself)
     * @param photo       FIX: an optional photo of the fixed place
     */
    record ActionInput(
            String note,
            @Nullable String forwardTo,
            @Nullable Long duplicateOf,
            @Nullable SanitizedPhoto photo) {

        public static ActionInput note(String note) {
            return new ActionInput(note, null, null, null);
        }
    }

    /**
     * Accepts a report: checks the fields, converts the point to WGS-84, places it (district, block, organisation),
     * stores photos and the first timeline step, publishes {@link org.nuanxin.grid.HazardReported}. A retry with the
     * same reporter and idempotency key returns the first report (replay) and writes nothing.
     *
     * @throws org.nuanxin.kernel.InvalidInputException naming {@code category} (missing), {@code description} (empty,
     *     over {@link #MAX_DESCRIPTION}), {@code location} (missing, or outside Chongqing: {@code grid.location.outside}),
     *     {@code address} (over 200), {@code photo} (over {@link #MAX_PHOTOS})
     */
    Submission submit(Reporter reporter, NewReport input);

    /** @return open reports of {@code category} within {@link #NEARBY_METRES} of the WGS-84 point, nearest first (at most 5) */
    List<Nearby> openNearby(HazardCategory category, GeoPoint wgs84);

    /**
     * A worker adds themselves to an open report ("is it this one?"): they follow its timeline; their note and photo,
     * when given, become a FOLLOWED step. Following twice is one follow (a second note is still added).
     *
     * @throws java.util.NoSuchElementException when the report does not exist or is closed
     * @throws org.nuanxin.kernel.InvalidInputException on {@code description} over {@link #MAX_DESCRIPTION}
     */
    void follow(String mobile, long reportId, String note, @Nullable SanitizedPhoto photo);

    /** @return the reports the worker made or follows, newest first */
    List<Report> mine(String mobile);

    /** @return the report when the worker made or follows it, else empty */
    Optional<Report> mine(String mobile, long reportId);

    /** @return the report's timeline, oldest first (the caller has checked the reader may see the report) */
    List<TimelineEntry> timeline(long reportId);

    /** @return the report's photos in the order they were added (the caller has checked the reader may see it) */
    List<StoredPhoto> photos(long reportId);

    /** @return a photo and its bytes by its public key, or empty */
    Optional<StoredPhoto.Content> photo(String key);

    /** @return the worker's notices, newest first (at most 50) */
    List<Notification> notifications(String mobile);

    /** @return how many notices the worker has not seen */
    int unreadNotifications(String mobile);

    /** Marks every notice of the worker (of one report, when given) as seen. */
    void markNotificationsRead(String mobile, @Nullable Long reportId);

    /** One page of the current staff member's queue (VIEW), overdue first, then oldest first. */
    Page<Report> queue(ReportFilter filter, Pageable pageable);

    /** @return up to {@code limit} reports of the filter for the map and the export (VIEW / EXPORT), newest first */
    List<Report> list(ReportFilter filter, int limit);

    /** @return the report when it lies in the current staff member's scope (VIEW), else empty */
    Optional<Report> find(long id);

    /**
     * Takes a triage action (HANDLE on the report's organisation) at the version the staff member saw; records the
     * step, writes an audit entry, notifies the reporter and followers, publishes
     * {@link org.nuanxin.grid.HazardReportHandled}.
     *
     * @return the report after the action
     * @throws org.springframework.security.access.AccessDeniedException without HANDLE
     * @throws java.util.NoSuchElementException when the report is not in the scope
     * @throws ReportChangedConcurrentlyException when it changed since {@code version}
     * @throws org.nuanxin.kernel.InvalidInputException {@code action} not allowed from the state
     *     ({@code grid.action.notAllowed}), {@code note} missing or too long, {@code duplicateOf} not an open report
     *     in scope or the report itself, {@code forwardTo} too long
     */
    Report act(long id, int version, ReportAction action, ActionInput input);

    /** @return the report by id for the public Open311 API (no scope: Open311 reads are public), or empty */
    Optional<Report> findPublic(long id);

    /** @return the report created for an Open311 token, or empty */
    Optional<Report> findByToken(String token);

    /** @return reports for Open311 {@code GET requests}, newest first */
    List<Report> search(PublicQuery query);
}
