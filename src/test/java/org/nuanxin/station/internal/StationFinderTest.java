package org.nuanxin.station.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.geo.Distances;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.NearbyStation;
import org.nuanxin.station.OpeningHours;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationFinder;
import org.nuanxin.station.StationInput;
import org.nuanxin.station.StationStatus;
import org.nuanxin.station.StationsChanged;
import org.nuanxin.support.AsStaff;
import org.nuanxin.support.MutableClock;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/** The finder over the demo roster (5,444 stations) in the database, against a brute-force scan of the same rows. */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class StationFinderTest {

    /** 2025-01-01 12:00 in Asia/Shanghai. */
    static final Instant NOON_IN_CHONGQING = Instant.parse("2025-01-01T04:00:00Z");

    @Autowired
    StationFinder finder;

    @Autowired
    StationCatalog catalog;

    @Autowired
    Divisions divisions;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    /** How long a committed change may take to reach the index through the outbox (asynchronous listener). */
    static final Duration WAIT = Duration.ofSeconds(10);

    @BeforeEach
    void noonInChongqing() {
        clock.set(NOON_IN_CHONGQING);
    }

    @Test
    void demoDataIsChongqingsTotalSpreadByPopulation() {
        // Other test classes of this context add stations of their own (never synthetic ones).
        assertThat(AsStaff.call(() -> catalog.count(new StationFilter(null, null, null, null, true))))
                .isEqualTo(5444 - 38);
        assertThat(AsStaff.call(() -> catalog.count(new StationFilter(null, null, null, null, false))))
                .isGreaterThanOrEqualTo(38);
        assertThat(AsStaff.call(() -> catalog.count(new StationFilter(null, null, null, "工会驿站", false))))
                .isGreaterThanOrEqualTo(1);
        Map<String, Long> perDistrict = new HashMap<>();
        AsStaff.run(() -> catalog.forEach(new StationFilter(null, null, null, null, true), s -> {
            perDistrict.merge(s.districtCode(), 1L, Long::sum);
            assertThat(divisions.locateDistrict(s.location()).map(Division::code))
                    .contains(s.districtCode());
        }));
        // 渝北区 (2,191,493 residents) gets the most, 城口县 (197,497) the fewest: about 11 to 1.
        String most = perDistrict.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        String least = perDistrict.entrySet().stream()
                .min(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        assertThat(most).isEqualTo("500112");
        assertThat(least).isEqualTo("500229");
        assertThat((double) perDistrict.get("500112") / perDistrict.get("500229"))
                .isCloseTo(2191493.0 / 197497, within(0.5));
        long inDatabase = AsStaff.call(() -> catalog.count(StationFilter.ALL));
        assertThat((long) finder.indexedCount())
                .as("every station, open or not")
                .isEqualTo(inDatabase);
    }

    @Test
    void nearestEqualsABruteForceScanOfTheDatabaseAtThousandsOfPoints() {
        List<Station> all = new ArrayList<>();
        AsStaff.run(() -> catalog.forEach(StationFilter.ALL, all::add));
        SplittableRandom random = new SplittableRandom(2024);
        List<Division> districts = divisions.districts();
        Amenity[] amenities = Amenity.values();
        LocalTime noon = LocalTime.NOON;
        for (int q = 0; q < 2000; q++) {
            GeoPoint p = divisions.randomPointIn(
                    districts.get(random.nextInt(districts.size())).code(), random);
            Set<Amenity> wanted = EnumSet.noneOf(Amenity.class);
            for (int i = random.nextInt(3); i > 0; i--) {
                wanted.add(amenities[random.nextInt(9)]);
            }
            boolean openNow = random.nextBoolean();
            int limit = 1 + random.nextInt(10);

            List<String> expected = all.stream()
                    .filter(s ->
                            s.status() == StationStatus.OPEN && s.amenities().containsAll(wanted))
                    .filter(s -> !openNow || s.openingHours().isOpenAt(noon))
                    .map(s -> Map.entry(s.code(), Distances.metres(p, s.location())))
                    .sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
            List<String> actual = finder.nearest(p, wanted, openNow, limit).stream()
                    .map(n -> n.station().code())
                    .toList();
            assertThat(actual)
                    .as("query %d at %s %s openNow=%s", q, p, wanted, openNow)
                    .isEqualTo(expected);
        }
    }

    @Test
    void answersCarryDistanceMinutesAndOpenNow() {
        GeoPoint jiefangbei = new GeoPoint(106.5734, 29.5603);
        List<NearbyStation> found = finder.nearest(jiefangbei, Set.of(), false, 50);
        assertThat(found).hasSize(50).isSortedAccordingTo(Comparator.comparingDouble(NearbyStation::distanceMetres));
        // At noon the split-shift stations (09:00-12:00,14:00-18:00) are closed: both answers must occur.
        assertThat(found).extracting(NearbyStation::openNow).contains(true, false);
        for (NearbyStation n : found) {
            assertThat(n.distanceMetres())
                    .isEqualTo(Distances.metres(jiefangbei, n.station().location()));
            // Defaults: detour 1.3; walking 4.5 km/h = 75 m/min; e-bike 15 km/h = 250 m/min; rounded up.
            assertThat(n.walkingMinutes()).isEqualTo((long) Math.ceil(n.distanceMetres() * 1.3 / 75 - 1e-9));
            assertThat(n.eBikeMinutes()).isEqualTo((long) Math.ceil(n.distanceMetres() * 1.3 / 250 - 1e-9));
            assertThat(n.openNow()).isEqualTo(n.station().openingHours().isOpenAt(LocalTime.NOON));
        }
    }

    @Test
    void openNowFollowsChongqingTime() {
        clock.set(Instant.parse("2025-01-01T19:00:00Z")); // 03:00 the next morning in Chongqing
        try {
            List<NearbyStation> open = finder.nearest(new GeoPoint(106.55, 29.57), Set.of(), true, 20);
            assertThat(open).hasSize(20).allSatisfy(n -> {
                assertThat(n.openNow()).isTrue();
                assertThat(n.station().openingHours()).isEqualTo(OpeningHours.ALWAYS);
            });
        } finally {
            clock.set(NOON_IN_CHONGQING);
        }
    }

    @Test
    @WithMockUser(username = "staff", roles = "UNION_STAFF")
    void theIndexFollowsEveryCommittedChangeThroughTheOutbox() {
        // Other classes sharing this context add stations to the demo roster: count from here.
        long before = finder.indexedCount();
        // A new station on a spot in 璧山区 far from the others becomes the nearest once the listener has run...
        GeoPoint spot = divisions.randomPointIn("500120", new SplittableRandom(99));
        Station created = catalog.create(input(null, spot, "饮水,充电", null));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(finder.nearest(spot, Set.of(), false, 1)
                                .get(0)
                                .station()
                                .code())
                        .isEqualTo(created.code()));
        assertThat(finder.indexedCount()).isEqualTo(before + 1);

        // ...answers the amenities it gains...
        Station withToilet =
                catalog.update(created.code(), created.version(), input(created.code(), spot, "饮水,充电,卫生间", null));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(finder.nearest(spot, Set.of(Amenity.TOILET), false, 1))
                        .extracting(n -> n.station().code())
                        .containsExactly(created.code()));

        // ...follows it when it moves elsewhere in the district (its old position is gone from the index)...
        GeoPoint elsewhere = divisions.randomPointIn("500120", new SplittableRandom(7));
        Station moved = catalog.update(
                created.code(), withToilet.version(), input(created.code(), elsewhere, "饮水,充电,卫生间", null));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(finder.nearest(elsewhere, Set.of(), false, 1))
                        .extracting(n -> n.station().code())
                        .containsExactly(created.code()));
        assertThat(finder.nearest(spot, Set.of(), false, 50))
                .isNotEmpty()
                .allSatisfy(n -> assertThat(n.distanceMetres()).isPositive())
                .filteredOn(n -> n.station().code().equals(created.code()))
                .allSatisfy(n -> assertThat(n.distanceMetres()).isEqualTo(Distances.metres(spot, elsewhere)));

        // ...and disappears from the finder once closed.
        catalog.update(created.code(), moved.version(), input(created.code(), elsewhere, "饮水,充电,卫生间", "关闭"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(finder.nearest(elsewhere, Set.of(), false, 5))
                        .extracting(n -> n.station().code())
                        .doesNotContain(created.code()));
        assertThat(catalog.findByCode(created.code()).orElseThrow().status()).isEqualTo(StationStatus.CLOSED);
        assertThat(finder.indexedCount()).isEqualTo(before + 1);

        // Leave the shared demo roster as it was for the other tests of this context: a deleted row is
        // dropped from the index too. The event must be published in a transaction to reach the outbox.
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM station WHERE code = ?").param(created.code()).update();
            events.publishEvent(new StationsChanged(Set.of(created.id()), false));
        });
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(finder.indexedCount()).isEqualTo(before));
        // Completed publications are deleted (spring.modulith.events.completion-mode: delete).
        Outbox.awaitDrained(jdbc);
    }

    private static StationInput input(String code, GeoPoint p, String amenities, String status) {
        return new StationInput(
                code,
                "索引测试驿站",
                "企业",
                "璧山区",
                "测试路1号",
                Double.toString(p.longitude()),
                Double.toString(p.latitude()),
                "WGS-84",
                "测试",
                "13800138000",
                "全天24小时",
                amenities,
                status);
    }
}
