package org.nuanxin.station.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.Distances;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.HostType;
import org.nuanxin.station.OpeningHours;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationStatus;
import org.nuanxin.station.StationSummary;

/** The index must answer exactly what a brute-force scan answers, for any point and any filter. */
class StationIndexTest {

    private static final String[] HOURS = {"08:00-22:00", "全天24小时", "09:00-12:00,14:00-18:00", "22:00-06:00"};
    private static List<StationSummary> stations;
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
            stations.add(station(i, lng, lat, random).summary());
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
        StationStatus status = random.nextInt(100) < 90
                ? StationStatus.OPEN
                : random.nextBoolean() ? StationStatus.SUSPENDED : StationStatus.CLOSED;
        GeoPoint p = new GeoPoint(lng, lat);
        return new Station(
                i + 1,
                "T-%05d".formatted(i),
                "站" + i,
                HostType.OTHER,
                "500103",
                "地址",
                p,
                CoordinateSystem.WGS84,
                p,
                "联系人",
                "+8613800000000",
                OpeningHours.parse(HOURS[random.nextInt(HOURS.length)]),
                amenities,
                status,
                true,
                0L,
                1L,
                0,
                Instant.EPOCH);
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

            assertThat(fast)
                    .as("query %d at %f,%f limit %d", q, lng, lat, limit)
                    .isEqualTo(slow);
        }
    }

    @Test
    void filtersAreApplied() {
        int water = 1 << Amenity.WATER.ordinal() | 1 << Amenity.MICROWAVE.ordinal();
        List<StationIndex.Hit> hits =
                index.nearest(106.55, 29.56, new StationIndex.Criteria(water, LocalTime.of(3, 0)), 30);
        assertThat(hits).hasSize(30).allSatisfy(h -> {
            assertThat(h.station().status()).isEqualTo(StationStatus.OPEN);
            assertThat(h.station().amenities()).contains(Amenity.WATER, Amenity.MICROWAVE);
            assertThat(h.station().openingHours().isOpenAt(LocalTime.of(3, 0))).isTrue();
        });
        assertThat(hits).isSortedAccordingTo(StationIndex.ORDER);
    }

    @Test
    void distancesAreGreatCircleMetres() {
        StationIndex.Hit first = index.nearest(106.55, 29.56, new StationIndex.Criteria(0, null), 1)
                .get(0);
        assertThat(first.distanceMetres())
                .isEqualTo(Distances.metres(
                        106.55,
                        29.56,
                        first.station().location().longitude(),
                        first.station().location().latitude()));
    }

    @Test
    void anEmptyIndexOrAnImpossibleFilterFindsNothing() {
        assertThat(StationIndex.of(List.of()).nearest(106.5, 29.5, new StationIndex.Criteria(0, null), 5))
                .isEmpty();
        int everything = (1 << Amenity.values().length) - 1;
        StationSummary bare = station(0, 106.5, 29.5, new SplittableRandom(1)).summary();
        assertThat(bare.amenities())
                .as("the station lacks some amenity")
                .isNotEmpty()
                .hasSizeLessThan(Amenity.values().length);
        StationIndex one = StationIndex.of(List.of(bare));
        assertThat(one.nearest(106.5, 29.5, new StationIndex.Criteria(0, null), 5))
                .hasSize(1);
        assertThat(one.nearest(106.5, 29.5, new StationIndex.Criteria(everything, null), 5))
                .isEmpty();
        assertThat(one.scan(106.5, 29.5, new StationIndex.Criteria(everything, null), 5))
                .isEmpty();
    }

    @Test
    void coLocatedStationsTiedForLastPlaceAreDecidedByCodeAsInAScan() {
        // Twelve stations stand on exactly 106.55, 29.56: every limit cuts through the tie somewhere.
        StationIndex.Criteria any = new StationIndex.Criteria(0, null);
        for (int limit = 1; limit <= 20; limit++) {
            assertThat(index.nearest(106.55, 29.56, any, limit))
                    .as("limit %d", limit)
                    .isEqualTo(index.scan(106.55, 29.56, any, limit));
            assertThat(index.nearest(106.5501, 29.5601, any, limit))
                    .isEqualTo(index.scan(106.5501, 29.5601, any, limit));
        }
    }

    @Test
    void queriesFarOutsideTheDataStillAnswerExactly() {
        StationIndex.Criteria any = new StationIndex.Criteria(0, null);
        assertThat(index.nearest(116.40, 39.90, any, 5)).isEqualTo(index.scan(116.40, 39.90, any, 5)); // Beijing
        assertThat(index.nearest(37.62, 55.75, any, 3)).isEqualTo(index.scan(37.62, 55.75, any, 3)); // Moscow
        assertThat(index.nearest(-179.9, -60, any, 3)).isEqualTo(index.scan(-179.9, -60, any, 3));
    }
}
