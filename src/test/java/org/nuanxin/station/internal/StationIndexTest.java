package org.nuanxin.station.internal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.Distances;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.HostType;
import org.nuanxin.station.OpeningHours;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationStatus;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The index must answer exactly what a brute-force scan answers, for any point and any filter. */
class StationIndexTest {

    private static final String[] HOURS = {"08:00-22:00", "全天24小时", "09:00-12:00,14:00-18:00", "22:00-06:00"};
    private static List<Station> stations;
    private static StationIndex index;

    @BeforeAll
    static void build() {
        SplittableRandom random = new SplittableRandom(7);
        stations = new ArrayList<>();
        // Dense city cluster plus sparse countryside, as in Chongqing; a few on exactly the same spot.
        for (int i = 0; i < 6000; i++) {
            double lng;
            double lat;
            if (i % 3 == 0) {
                lng = 105.3 + random.nextDouble() * 4.8;
                lat = 28.2 + random.nextDouble() * 3.9;
            } else if (i % 500 == 1) {
                lng = 106.55;
                lat = 29.56;
            } else {
                lng = 106.45 + random.nextDouble() * 0.2;
                lat = 29.50 + random.nextDouble() * 0.15;
            }
            stations.add(station(i, lng, lat, random));
        }
        index = StationIndex.of(stations);
    }

    static Station station(int i, double lng, double lat, SplittableRandom random) {
        Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
        for (Amenity a : Amenity.values()) {
            if (random.nextInt(100) < 40) {
                amenities.add(a);
            }
        }
        StationStatus status = random.nextInt(100) < 90 ? StationStatus.OPEN
                : random.nextBoolean() ? StationStatus.SUSPENDED : StationStatus.CLOSED;
        GeoPoint p = new GeoPoint(lng, lat);
        return new Station(i + 1, "T-%05d".formatted(i), "站" + i, HostType.OTHER, "500103", "地址", p,
                CoordinateSystem.WGS84, p, "联系人", "+8613800000000", OpeningHours.parse(HOURS[random.nextInt(HOURS.length)]),
                amenities, status, true, 0L, 0, Instant.EPOCH);
    }

    @Test
    void nearestEqualsBruteForceOverThousandsOfRandomQueries() {
        SplittableRandom random = new SplittableRandom(42);
        Amenity[] all = Amenity.values();
        for (int q = 0; q < 5000; q++) {
            double lng = 105.0 + random.nextDouble() * 5.5;
            double lat = 28.0 + random.nextDouble() * 4.5;
            int bits = 0;
            int filters = random.nextInt(4);
            for (int f = 0; f < filters; f++) {
                bits |= 1 << all[random.nextInt(all.length)].ordinal();
            }
            LocalTime at = random.nextBoolean() ? null : LocalTime.of(random.nextInt(24), random.nextInt(60));
            int limit = 1 + random.nextInt(20);
            StationIndex.Criteria criteria = new StationIndex.Criteria(bits, at);

            List<StationIndex.Hit> fast = index.nearest(lng, lat, criteria, limit);
            List<StationIndex.Hit> slow = index.scan(lng, lat, criteria, limit);

            assertThat(fast).as("query %d at %f,%f limit %d", q, lng, lat, limit).isEqualTo(slow);
        }
    }

    @Test
    void filtersAreApplied() {
        int water = 1 << Amenity.WATER.ordinal() | 1 << Amenity.MICROWAVE.ordinal();
        List<StationIndex.Hit> hits = index.nearest(106.55, 29.56, new StationIndex.Criteria(water, LocalTime.of(3, 0)), 30);
        assertThat(hits).hasSize(30).allSatisfy(h -> {
            assertThat(h.station().status()).isEqualTo(StationStatus.OPEN);
            assertThat(h.station().amenities()).contains(Amenity.WATER, Amenity.MICROWAVE);
            assertThat(h.station().openingHours().isOpenAt(LocalTime.of(3, 0))).isTrue();
        });
        assertThat(hits).isSortedAccordingTo(StationIndex.ORDER);
    }

    @Test
    void distancesAreGreatCircleMetres() {
        StationIndex.Hit first = index.nearest(106.55, 29.56, new StationIndex.Criteria(0, null), 1).get(0);
        assertThat(first.distanceMetres()).isEqualTo(Distances.metres(106.55, 29.56,
                first.station().location().longitude(), first.station().location().latitude()));
    }

    @Test
    void anEmptyIndexOrAnImpossibleFilterFindsNothing() {
        assertThat(StationIndex.of(List.of()).nearest(106.5, 29.5, new StationIndex.Criteria(0, null), 5)).isEmpty();
        int everything = (1 << Amenity.values().length) - 1;
        Station bare = station(0, 106.5, 29.5, new SplittableRandom(1));
        StationIndex one = StationIndex.of(List.of(bare));
        assertThat(one.nearest(106.5, 29.5, new StationIndex.Criteria(everything, null), 5))
                .isEqualTo(one.scan(106.5, 29.5, new StationIndex.Criteria(everything, null), 5));
    }

    @Test
    void theSearchBoxHoldsTheWholeCircle() {
        // 10 km around Chongqing: every point of the circle's boundary must lie in the box.
        Envelope box = StationIndex.boxAround(106.55, 29.56, 10_000);
        Envelope withRounding = new Envelope(box);
        withRounding.expandBy(1e-12); // the circle's southern and northern points lie on the edge itself
        for (int deg = 0; deg < 360; deg++) {
            double bearing = Math.toRadians(deg);
            double d = 10_000 / Distances.EARTH_RADIUS_METRES;
            double lat1 = Math.toRadians(29.56);
            double lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
            double lng2 = Math.toRadians(106.55) + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1),
                    Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
            assertThat(withRounding.contains(Math.toDegrees(lng2), Math.toDegrees(lat2))).as("bearing %d", deg).isTrue();
        }
        assertThat(box.getHeight() / 2).isCloseTo(Math.toDegrees(10_000 / Distances.EARTH_RADIUS_METRES),
                org.assertj.core.data.Offset.offset(1e-12));
    }
}
