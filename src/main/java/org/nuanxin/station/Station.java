package org.nuanxin.station;

import java.time.Instant;
import java.util.Set;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.GeoPoint;

/**
 * A union station (工会驿站) as stored.
 *
 * @param id              database id
 * @param code            unique code, e.g. 500103-0001 (district code, dash, sequence), or the roster's own
 * @param name            name on the sign, unique within its district
 * @param hostType        the kind of place hosting it
 * @param districtCode    GB/T 2260 code of its district/county
 * @param address         street address as written by the district federation
 * @param location        WGS-84 position
 * @param enteredCrs      the coordinate system the position was entered in (kept for audit and re-export)
 * @param enteredLocation the position as entered, in {@code enteredCrs}
 * @param contactName     the station's contact person
 * @param contactPhone    the contact's phone in E.164 form, e.g. +8613800000101
 * @param openingHours    daily opening hours (Asia/Shanghai)
 * @param amenities       what the station offers
 * @param status          open, suspended or closed
 * @param synthetic       true for generated demo stations, never for real ones
 * @param h3Cell          H3 cell (resolution 9) of the location, for grouping by area
 * @param organizationId  the union organisation that owns it (its data scope); by default the district
 *     or county federation of its district, or the creator's own organisation when that lies under it
 * @param version         optimistic-locking version, increased on each change
 * @param updatedAt       last change
 */
public record Station(
        long id,
        String code,
        String name,
        HostType hostType,
        String districtCode,
        String address,
        GeoPoint location,
        CoordinateSystem enteredCrs,
        GeoPoint enteredLocation,
        String contactName,
        String contactPhone,
        OpeningHours openingHours,
        Set<Amenity> amenities,
        StationStatus status,
        boolean synthetic,
        long h3Cell,
        long organizationId,
        int version,
        Instant updatedAt) {

    public Station {
        amenities = Canonical.amenities(amenities);
        districtCode = Canonical.districtCode(districtCode);
    }

    /** @return what the finder keeps of this station in memory and shows a worker */
    public StationSummary summary() {
        return new StationSummary(
                id,
                code,
                name,
                hostType,
                districtCode,
                address,
                location,
                contactName,
                contactPhone,
                openingHours,
                amenities,
                status,
                synthetic);
    }
}
