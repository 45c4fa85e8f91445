package org.nuanxin.station.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.Distances;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.StationStatus;
import org.nuanxin.station.StationSummary;

/**
 * Incremental updates of the index (an overlay beside the packed tree, compacted past a limit) must
 * answer exactly what a brute-force scan of the current stations answers, after every single change.
 */
class StationIndexChangesTest {

    private static final StationIndex.Criteria ANY = new StationIndex.Criteria(0, null);

    @Test
    void afterThousandsOfSingleChangesAcrossCompactionsAnswersEqualBruteForce() {
        SplittableRandom random = new SplittableRandom(11);
        Map<Long, StationSummary> truth = new LinkedHashMap<>();
        for (int i = 0; i < 3000; i++) {
            StationSummary s = StationIndexTest.station(i, lng(i, random), lat(i, random), random)
                    .summary();
            truth.put(s.id(), s);
        }
        StationIndex index = StationIndex.of(truth.values());
        int nextId = 3000;
        int compactions = 0;
        int[] kinds = new int[6];
        for (int step = 0; step < 1500; step++) {
            List<Long> ids = List.copyOf(truth.keySet());
            StationSummary old = truth.get(ids.get(random.nextInt(ids.size())));
            int kind = random.nextInt(6);
            kinds[kind]++;
            StationSummary changed = switch (kind) {
                case 0 ->
                    StationIndexTest.station(nextId++, lng(step, random), lat(step, random), random)
                            .summary();
                case 1 -> with(old, new GeoPoint(lng(step, random), lat(step, random)), old.status(), old.amenities());
                case 2 -> with(old, old.location(), StationStatus.CLOSED, old.amenities());
                case 3 -> with(old, old.location(), StationStatus.OPEN, old.amenities());
                case 4 -> with(old, old.location(), old.status(), randomAmenities(random));
                default -> null; // removed
            };
            int overlayBefore = index.overlaySize();
            if (changed == null) {
                truth.remove(old.id());
                index = index.apply(List.of(), List.of(old.id()), 100);
            } else {
                truth.put(changed.id(), changed);
                index = index.apply(List.of(changed), List.of(), 100);
            }
            // The overlay shrinks by one when a station in it is removed; otherwise it grows until compacted
            // (when it, or the set of hidden tree entries, passes the limit).
            if (index.overlaySize() < overlayBefore - 1) {
                compactions++;
                assertThat(index.overlaySize()).isZero();
            }
            assertThat(index.overlaySize()).isLessThanOrEqualTo(100);
            assertThat(index.size()).isEqualTo(truth.size());
            for (int q = 0; q < 4; q++) {
                double lng = q == 0 ? 106.55 : 105.0 + random.nextDouble() * 5.5;
                double lat = q == 0 ? 29.56 : 28.0 + random.nextDouble() * 4.5;
                StationIndex.Criteria criteria = randomCriteria(random);
                int limit = 1 + random.nextInt(20);
                assertThat(index.nearest(lng, lat, criteria, limit))
                        .as("step %d (kind %d), query at %f,%f limit %d", step, kind, lng, lat, limit)
                        .isEqualTo(bruteForce(truth.values(), lng, lat, criteria, limit));
            }
        }
        assertThat(java.util.Arrays.stream(kinds).min().orElseThrow()).isGreaterThan(200);
        // About 1,250 of the 1,500 changes land in the overlay, which is compacted whenever it passes 100.
        assertThat(compactions).isGreaterThanOrEqualTo(10);
        assertThat(index.stations()).extracting(StationSummary::id).containsExactlyInAnyOrderElementsOf(truth.keySet());
    }

    @Test
    void aSingleChangeGoesToTheOverlayAndTheTreeIsRebuiltOnlyPastTheLimit() {
        SplittableRandom random = new SplittableRandom(3);
        List<StationSummary> stations = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            stations.add(StationIndexTest.station(i, lng(i, random), lat(i, random), random)
                    .summary());
        }
        StationIndex index = StationIndex.of(stations);
        StationSummary first = stations.get(0);

        index = index.apply(
                List.of(with(first, first.location(), StationStatus.CLOSED, first.amenities())), List.of(), 3);
        assertThat(index.overlaySize()).isEqualTo(1);
        // The same station again replaces its overlay entry rather than adding one.
        index = index.apply(
                List.of(with(first, first.location(), StationStatus.OPEN, first.amenities())), List.of(), 3);
        assertThat(index.overlaySize()).isEqualTo(1);
        index = index.apply(List.of(stations.get(1), stations.get(2)), List.of(), 3);
        assertThat(index.overlaySize()).isEqualTo(3);
        assertThat(index.size()).isEqualTo(50);
        index = index.apply(List.of(stations.get(3)), List.of(), 3);
        assertThat(index.overlaySize()).isZero();
        assertThat(index.size()).isEqualTo(50);
    }

    @Test
    void removingAStationHidesItWhetherItIsInTheTreeOrTheOverlay() {
        SplittableRandom random = new SplittableRandom(5);
        StationSummary inTree =
                StationIndexTest.station(0, 106.55, 29.56, random).summary();
        StationSummary other =
                StationIndexTest.station(1, 106.60, 29.60, random).summary();
        StationIndex index = StationIndex.of(List.of(inTree, other));
        StationSummary added =
                StationIndexTest.station(2, 106.5501, 29.5601, random).summary();

        index = index.apply(List.of(added), List.of(inTree.id()), 10);
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.stations()).extracting(StationSummary::id).containsExactlyInAnyOrder(other.id(), added.id());
        index = index.apply(List.of(), List.of(added.id(), 999L), 10);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.stations()).extracting(StationSummary::id).containsExactly(other.id());
        assertThat(index.nearest(106.55, 29.56, ANY, 5)).isEqualTo(bruteForce(List.of(other), 106.55, 29.56, ANY, 5));
    }

    @Test
    void aStationMovedFarOutsideTheTreesLatitudeBandIsStillFoundExactly() {
        SplittableRandom random = new SplittableRandom(9);
        Map<Long, StationSummary> truth = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            StationSummary s = StationIndexTest.station(i, lng(i, random), lat(i, random), random)
                    .summary();
            truth.put(s.id(), s);
        }
        StationIndex index = StationIndex.of(truth.values());
        StationSummary moved = truth.values().iterator().next();
        // Harbin (45.8° N) is outside the band the Chongqing tree was projected for (up to 42.5° N).
        moved = with(moved, new GeoPoint(126.63, 45.75), StationStatus.OPEN, Set.of());
        truth.put(moved.id(), moved);
        index = index.apply(List.of(moved), List.of(), 10);
        for (double[] p : new double[][] {{126.6, 45.7}, {116.4, 39.9}, {106.55, 29.56}, {179.5, 0}}) {
            for (int limit : new int[] {1, 5, 20}) {
                assertThat(index.nearest(p[0], p[1], ANY, limit))
                        .as("%f,%f limit %d", p[0], p[1], limit)
                        .isEqualTo(bruteForce(truth.values(), p[0], p[1], ANY, limit));
            }
        }
        assertThat(index.nearest(126.6, 45.7, ANY, 1).get(0).station().id()).isEqualTo(moved.id());
    }

    @Test
    void theIdSetHoldsExactlyItsIds() {
        SplittableRandom random = new SplittableRandom(21);
        java.util.Set<Long> ids = new java.util.HashSet<>();
        while (ids.size() < 300) {
            ids.add(random.nextBoolean() ? random.nextLong(1, 2000) : random.nextLong());
        }
        StationIndex.IdSet set =
                StationIndex.IdSet.of(ids.stream().mapToLong(Long::longValue).toArray());
        assertThat(set.size()).isEqualTo(300);
        for (long id = -50; id < 2500; id++) {
            assertThat(set.contains(id)).as("id %d", id).isEqualTo(ids.contains(id));
        }
        ids.forEach(id -> assertThat(set.contains(id)).isTrue());
        assertThat(StationIndex.IdSet.EMPTY.contains(0)).isFalse();
    }

    /** Independent of the index: every station, filtered, ordered by (great-circle metres, code). */
    static List<StationIndex.Hit> bruteForce(
            Collection<StationSummary> stations, double lng, double lat, StationIndex.Criteria criteria, int limit) {
        return stations.stream()
                .filter(s -> s.status() == StationStatus.OPEN)
                .filter(s -> (StationIndex.bits(s.amenities()) & criteria.requiredAmenityBits())
                        == criteria.requiredAmenityBits())
                .filter(s -> criteria.openAt() == null || s.openingHours().isOpenAt(criteria.openAt()))
                .map(s -> new StationIndex.Hit(
                        s,
                        Distances.metres(
                                lng, lat, s.location().longitude(), s.location().latitude())))
                .sorted(StationIndex.ORDER)
                .limit(limit)
                .toList();
    }

    private static double lng(int i, SplittableRandom random) {
        return i % 50 == 7
                ? 106.55
                : i % 3 == 0 ? 105.3 + random.nextDouble() * 4.8 : 106.45 + random.nextDouble() * 0.2;
    }

    private static double lat(int i, SplittableRandom random) {
        return i % 50 == 7 ? 29.56 : i % 3 == 0 ? 28.2 + random.nextDouble() * 3.9 : 29.50 + random.nextDouble() * 0.15;
    }

    private static Set<Amenity> randomAmenities(SplittableRandom random) {
        Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
        for (Amenity a : Amenity.values()) {
            if (random.nextInt(100) < 40) {
                amenities.add(a);
            }
        }
        return amenities;
    }

    private static StationIndex.Criteria randomCriteria(SplittableRandom random) {
        int bits = 0;
        for (int f = random.nextInt(3); f > 0; f--) {
            bits |= 1 << Amenity.values()[random.nextInt(Amenity.values().length)].ordinal();
        }
        LocalTime at = random.nextBoolean() ? null : LocalTime.of(random.nextInt(24), random.nextInt(60));
        return new StationIndex.Criteria(bits, at);
    }

    private static StationSummary with(
            StationSummary s, GeoPoint location, StationStatus status, Set<Amenity> amenities) {
        return new StationSummary(
                s.id(),
                s.code(),
                s.name(),
                s.hostType(),
                s.districtCode(),
                s.address(),
                location,
                s.contactName(),
                s.contactPhone(),
                s.openingHours(),
                amenities,
                status,
                s.synthetic());
    }
}
