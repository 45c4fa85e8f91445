package org.nuanxin.grid.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.nuanxin.grid.HazardCategory;

/**
 * The Open311 {@code GET requests} filters, already parsed.
 *
 * @param ids        {@code service_request_id} (comma-separated there); empty: any
 * @param categories {@code service_code}; empty: any
 * @param from       {@code start_date}, inclusive, or null
 * @param to         {@code end_date}, inclusive, or null
 * @param open       {@code status}: true open, false closed, null both
 * @param limit      at most this many, newest first (the standard's default window: 90 days, 1,000 requests)
 */
public record PublicQuery(
        List<Long> ids,
        Set<HazardCategory> categories,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Boolean open,
        int limit) {}
