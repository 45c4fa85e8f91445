package org.nuanxin.station;

import java.util.List;
import java.util.Set;
import org.nuanxin.geo.GeoPoint;

/**
 * Finds the nearest open stations to a point, for the 15-minute service circle. Served from an
 * in-memory spatial index that follows every committed change shortly after the commit (through the
 * outbox, asynchronously: {@link StationsChanged}); the result equals a brute-force scan of the indexed
 * stations ordered by (distance, code).
 */
public interface StationFinder {

    /**
     * @param wgs84     the worker's position, WGS-84
     * @param amenities every amenity the station must offer (empty: any)
     * @param openNow   true to keep only stations whose hours include the current time
     * @param limit     how many stations at most, 1..{@code nuanxin.station.finder.max-limit}
     * @return stations with status OPEN, nearest first; fewer than {@code limit} when fewer match
     * @throws IllegalArgumentException if limit is out of range
     */
    List<NearbyStation> nearest(GeoPoint wgs84, Set<Amenity> amenities, boolean openNow, int limit);

    /** @return how many stations the index holds (all statuses) */
    int indexedCount();

    /** @return how many stations a query returns when it does not say ({@code nuanxin.station.finder.default-limit}) */
    int defaultLimit();

    /** @return the most stations one query may ask for ({@code nuanxin.station.finder.max-limit}) */
    int maxLimit();
}
