package org.nuanxin.station;

import java.util.Set;
import org.nuanxin.geo.GeoPoint;

/**
 * What a worker needs to know of a station, and all that the finder's in-memory index keeps of it
 * (no audit fields), so that 180,000 stations fit well under 100 MB of heap.
 *
 * @param id           database id
 * @param code         unique station code
 * @param name         name on the sign
 * @param hostType     the kind of place hosting it
 * @param districtCode GB/T 2260 district code
 * @param address      street address
 * @param location     WGS-84 position
 * @param contactName  the station's contact person
 * @param contactPhone E.164 phone number
 * @param openingHours daily hours, Asia/Shanghai
 * @param amenities    what it offers
 * @param status       open, suspended or closed
 * @param synthetic    true for generated demo stations
 */
public record StationSummary(
        long id,
        String code,
        String name,
        HostType hostType,
        String districtCode,
        String address,
        GeoPoint location,
        String contactName,
        String contactPhone,
        OpeningHours openingHours,
        Set<Amenity> amenities,
        StationStatus status,
        boolean synthetic) {

    public StationSummary {
        amenities = Canonical.amenities(amenities);
        districtCode = Canonical.districtCode(districtCode);
    }
}
