package org.nuanxin.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.GeoPoint;

class StationTest {

    static Station station(Set<Amenity> amenities, String district) {
        GeoPoint p = new GeoPoint(106.5, 29.5);
        return new Station(
                1,
                "500103-0001",
                "站",
                HostType.BANK,
                district,
                "地址",
                p,
                CoordinateSystem.WGS84,
                p,
                "联系人",
                "+8613800138000",
                OpeningHours.ALWAYS,
                amenities,
                StationStatus.OPEN,
                false,
                0,
                1L,
                0,
                Instant.EPOCH);
    }

    @Test
    void amenitiesAlwaysListInTheFixedOrder() {
        Station s = station(Set.of(Amenity.BOOKS, Amenity.REST, Amenity.WATER, Amenity.TOILET), "500103");
        assertThat(s.amenities()).containsExactly(Amenity.WATER, Amenity.REST, Amenity.TOILET, Amenity.BOOKS);
        assertThat(s.summary().amenities()).containsExactly(Amenity.WATER, Amenity.REST, Amenity.TOILET, Amenity.BOOKS);
    }

    @Test
    void repeatedValuesAreSharedNotCopied() {
        Station a = station(Set.of(Amenity.WATER, Amenity.CHARGING), new String("500103".toCharArray()));
        Station b = station(Set.of(Amenity.CHARGING, Amenity.WATER), new String("500103".toCharArray()));
        assertThat(a.amenities()).isSameAs(b.amenities());
        assertThat(a.districtCode()).isSameAs(b.districtCode());
    }

    @Test
    void amenitiesCannotBeChangedFromOutside() {
        Station s = station(Set.of(Amenity.WATER), "500103");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.amenities().add(Amenity.REST))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
