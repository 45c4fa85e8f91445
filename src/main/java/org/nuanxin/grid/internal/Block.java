package org.nuanxin.grid.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A rider-friendly block (骑手友好街区, {@code grid_block}).
 *
 * @param id               the block id
 * @param name             its name, e.g. 观音桥骑手友好街区
 * @param districtCode     the 6-digit district
 * @param townshipCode     the 9-digit township (街道/镇), or null
 * @param communities      the communities (社区) it covers, as staff wrote them (、-separated)
 * @param organizationId   the organisation whose staff keep it and handle its reports (the township union when a
 *                         township is given, else the district federation)
 * @param areaWkt          its area, WKT POLYGON or MULTIPOLYGON in WGS-84 degrees (longitude latitude)
 * @param responsibleStaff the responsible community staff as written (names, duty phone)
 * @param active           false once retired (reports keep it, new points no longer fall in it)
 * @param updatedAt        its last change
 * @param version          optimistic version
 */
public record Block(
        long id,
        String name,
        String districtCode,
        @Nullable String townshipCode,
        String communities,
        long organizationId,
        String areaWkt,
        String responsibleStaff,
        boolean active,
        Instant updatedAt,
        int version) {}
