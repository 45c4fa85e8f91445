package org.nuanxin.station.internal;

import java.util.Set;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.HostType;
import org.nuanxin.station.OpeningHours;
import org.nuanxin.station.StationStatus;

/** A validated station ready to be written: every field checked, the location converted to WGS-84. */
record StationRecord(
        String code,
        String name,
        HostType hostType,
        String districtCode,
        String address,
        GeoPoint location,
        CoordinateSystem enteredCrs,
        GeoPoint enteredLocation,
        long h3Cell,
        String contactName,
        String contactPhone,
        OpeningHours openingHours,
        Set<Amenity> amenities,
        StationStatus status,
        boolean synthetic,
        long organizationId) {

    StationRecord withOrganization(long owner) {
        return new StationRecord(
                code,
                name,
                hostType,
                districtCode,
                address,
                location,
                enteredCrs,
                enteredLocation,
                h3Cell,
                contactName,
                contactPhone,
                openingHours,
                amenities,
                status,
                synthetic,
                owner);
    }

    StationRecord withCode(String newCode) {
        return new StationRecord(
                newCode,
                name,
                hostType,
                districtCode,
                address,
                location,
                enteredCrs,
                enteredLocation,
                h3Cell,
                contactName,
                contactPhone,
                openingHours,
                amenities,
                status,
                synthetic,
                organizationId);
    }

    /** @return whether writing this over {@code s} would change nothing a user can see */
    boolean sameAs(org.nuanxin.station.Station s) {
        return s.code().equals(code)
                && s.name().equals(name)
                && s.hostType() == hostType
                && s.districtCode().equals(districtCode)
                && s.address().equals(address)
                && s.enteredCrs() == enteredCrs
                && samePlace(s.enteredLocation(), enteredLocation)
                && s.contactName().equals(contactName)
                && s.contactPhone().equals(contactPhone)
                && s.openingHours().equals(openingHours)
                && s.amenities().equals(amenities)
                && s.status() == status;
    }

    /**
     * Positions equal to a billionth of a degree (0.1 mm). An xlsx number keeps 15 significant digits,
     * so a position stored with more (generated, or converted) comes back from an exported roster a
     * few units in the last place off; that is no change and must not turn a re-import into updates.
     */
    private static boolean samePlace(GeoPoint a, GeoPoint b) {
        return Math.abs(a.longitude() - b.longitude()) < 1e-9 && Math.abs(a.latitude() - b.latitude()) < 1e-9;
    }
}
