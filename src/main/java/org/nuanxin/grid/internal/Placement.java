package org.nuanxin.grid.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where a WGS-84 point falls: the district, the active block whose area contains it (the most recently changed one
 * when blocks overlap), and the organisation whose staff handle a report there.
 *
 * @param districtCode   the 6-digit district
 * @param blockId        the block, or null
 * @param organizationId the block's organisation, else the district federation
 */
public record Placement(String districtCode, @Nullable Long blockId, long organizationId) {}
