package org.nuanxin.grid.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member rider enrolled as part-time grid worker (兼职网格员) of a block ({@code grid_worker}).
 *
 * @param id           the enrolment id
 * @param blockId      the block
 * @param memberId     the membership (module membership) that allowed it
 * @param mobileMasked the worker's masked mobile, as staff see it
 * @param enrolledAt   when
 * @param endedAt      when they left or their membership ended, null while current
 * @param points       points earned for verified reports (all time)
 */
public record GridWorker(
        long id,
        long blockId,
        long memberId,
        String mobileMasked,
        Instant enrolledAt,
        @Nullable Instant endedAt,
        int points) {}
