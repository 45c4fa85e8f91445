package org.nuanxin.grid.internal;

import org.nuanxin.geo.GeoPoint;

/**
 * Places a WGS-84 point: district (geo's boundaries), active block (an in-memory index of block areas, refreshed when
 * a block changes) and the organisation whose staff handle a report there. Thread-safe, no I/O per call.
 */
public interface Placements {

    /**
     * @return where the point falls
     * @throws org.nuanxin.kernel.InvalidInputException on {@code location} ({@code grid.location.outside}) when the
     *     point is outside Chongqing
     */
    Placement place(GeoPoint wgs84);
}
