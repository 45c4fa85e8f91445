package org.nuanxin.grid.internal;

import java.util.List;
import java.util.Optional;
import org.nuanxin.geo.GeoPoint;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Rider-friendly blocks: staff draw and keep them within their scope (MANAGE_BLOCKS; VIEW to read); riders see the
 * active ones near them to enrol as grid workers. Every change writes an audit entry ({@code grid.block.create},
 * {@code .update}, {@code .retire}) and refreshes {@link Placements}.
 */
public interface BlockService {

    /** Most vertices of a block's area. */
    int MAX_VERTICES = 2_000;

    /**
     * @return the new block
     * @throws org.nuanxin.kernel.InvalidInputException naming the field (see {@link BlockInput})
     * @throws org.springframework.security.access.AccessDeniedException without MANAGE_BLOCKS on its organisation
     */
    Block create(BlockInput input);

    /**
     * @return the block after the change
     * @throws BlockChangedConcurrentlyException when it changed since {@code version}
     * @throws java.util.NoSuchElementException when it is not in the scope
     */
    Block update(long id, int version, BlockInput input);

    /** Retires a block: it stays on its reports, its grid workers' enrolments end. */
    void retire(long id, int version);

    /** @return one page of the blocks of the current staff member's scope (VIEW), by name */
    Page<Block> list(Pageable pageable);

    /** @return the block when in the current staff member's scope (VIEW), else empty */
    Optional<Block> find(long id);

    /** @return an active block by id for riders (no scope), or empty */
    Optional<Block> findActive(long id);

    /** @return the active blocks nearest to a WGS-84 point (those containing it first), at most {@code limit} */
    List<Block> nearest(GeoPoint wgs84, int limit);
}
