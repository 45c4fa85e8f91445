package org.nuanxin.grid.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An in-app notice to a reporter or follower that their report moved ({@code grid_notification}).
 *
 * @param id       the notice
 * @param reportId the report
 * @param entry    the timeline step it tells of
 * @param readAt   when the worker saw it, null while unread
 */
public record Notification(
        long id,
        long reportId,
        TimelineEntry entry,
        @Nullable Instant readAt) {}
