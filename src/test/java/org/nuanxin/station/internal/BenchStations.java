package org.nuanxin.station.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.geo.internal.ChongqingDivisions;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.HostType;
import org.nuanxin.station.OpeningHours;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationStatus;

/**
 * Generated stations and query points for the benchmarks: spread over Chongqing's 38 districts in
 * proportion to their 2020 census population (the 4 districts without a figure share 2,646,033
 * equally, as {@link DemoDataLoader#population} does), placed uniformly by area inside each
 * district's WGS-84 boundary. Seeded, so every run sees the same points.
 *
 * <p>The stations are built the way {@link StationRepository} builds them from a result set: every
 * string is its own instance (as JDBC returns them), opening hours are shared through a cache,
 * amenities are an immutable copy per station. So the heap figure is that of the running app.
 */
final class BenchStations {

    static final long STATION_SEED = 20240917L;
    static final long QUERY_SEED = 4242L;
    private static final String[] HOURS = {
        "08:00-22:00", "09:00-21:00", "全天24小时", "08:30-18:00", "09:00-17:00", "07:00-21:00", "09:00-12:00,14:00-18:00"
    };
    private static final HostType[] HOSTS = HostType.values();
    /** Central (主城) districts, where most finder requests come from. */
    static final List<String> CENTRAL = List.of("500103", "500104", "500105", "500106", "500107", "500108", "500112");

    private static ChongqingDivisions divisions;

    private BenchStations() {}

    static synchronized ChongqingDivisions divisions() {
        if (divisions == null) {
            divisions = new ChongqingDivisions();
        }
        return divisions;
    }

    /** How many stations each district gets, by population share; the last district takes the rounding rest. */
    static Map<String, Integer> shares(int total) {
        Map<String, Long> population =
                DemoDataLoader.population(new org.nuanxin.spreadsheet.internal.DefaultSpreadsheetReader(
                        org.nuanxin.spreadsheet.SpreadsheetLimits.defaults()));
        long sum = population.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Integer> shares = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> entries = new ArrayList<>(population.entrySet());
        int assigned = 0;
        for (int i = 0; i < entries.size(); i++) {
            int share = i == entries.size() - 1
                    ? total - assigned
                    : (int) Math.round((double) total * entries.get(i).getValue() / sum);
            assigned += share;
            shares.put(entries.get(i).getKey(), share);
        }
        return shares;
    }

    static List<Station> stations(int total) {
        return stations(total, false);
    }

    /**
     * @param canonical hand the district code and amenity sets in already shared (Station's
     *                  constructor shares them anyway since the first benchmark run)
     */
    static List<Station> stations(int total, boolean canonical) {
        ChongqingDivisions d = divisions();
        Map<Set<Amenity>, Set<Amenity>> amenitySets = new HashMap<>();
        SplittableRandom random = new SplittableRandom(STATION_SEED);
        Map<String, OpeningHours> hoursCache = new HashMap<>();
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        List<Station> stations = new ArrayList<>(total);
        long id = 1;
        for (Map.Entry<String, Integer> share : shares(total).entrySet()) {
            String code = share.getKey();
            Division district = d.byCode(code).orElseThrow();
            for (int n = 1; n <= share.getValue(); n++) {
                GeoPoint p = d.randomPointIn(code, random);
                Set<Amenity> amenities = EnumSet.of(Amenity.WATER, Amenity.CHARGING, Amenity.REST);
                for (Amenity a : new Amenity[] {
                    Amenity.TOILET,
                    Amenity.MICROWAVE,
                    Amenity.AIR_CONDITIONING,
                    Amenity.FIRST_AID,
                    Amenity.BOOKS,
                    Amenity.HEALTH_KIOSK
                }) {
                    if (random.nextInt(100) < 35) {
                        amenities.add(a);
                    }
                }
                Set<Amenity> amenitySet =
                        canonical ? amenitySets.computeIfAbsent(Set.copyOf(amenities), k -> k) : amenities;
                OpeningHours hours =
                        hoursCache.computeIfAbsent(HOURS[random.nextInt(HOURS.length)], OpeningHours::parse);
                stations.add(new Station(
                        id++,
                        fresh("%s-%05d".formatted(code, n)),
                        fresh("%s模拟驿站%05d".formatted(district.name(), n)),
                        HOSTS[random.nextInt(HOSTS.length - 1)],
                        canonical ? district.code() : fresh(code),
                        fresh(district.name() + "（模拟地址）"),
                        p,
                        CoordinateSystem.WGS84,
                        p,
                        fresh("模拟联系人"),
                        fresh("+861380000%04d".formatted(random.nextInt(10_000))),
                        hours,
                        amenitySet,
                        StationStatus.OPEN,
                        true,
                        random.nextLong(),
                        1L,
                        0,
                        now.plusSeconds(id)));
            }
        }
        return stations;
    }

    /** A distinct String instance, as a JDBC driver returns for each row. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static String fresh(String s) {
        return new String(s.toCharArray());
    }

    /**
     * Query points: uniformly inside the given districts, chosen in proportion to population.
     *
     * @return [i][0] longitude, [i][1] latitude, WGS-84
     */
    static double[][] queries(int count, List<String> districtCodes, long seed) {
        ChongqingDivisions d = divisions();
        Map<String, Long> population =
                DemoDataLoader.population(new org.nuanxin.spreadsheet.internal.DefaultSpreadsheetReader(
                        org.nuanxin.spreadsheet.SpreadsheetLimits.defaults()));
        long sum = districtCodes.stream().mapToLong(population::get).sum();
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[count][];
        for (int i = 0; i < count; i++) {
            long pick = random.nextLong(sum);
            String code = districtCodes.get(districtCodes.size() - 1);
            for (String c : districtCodes) {
                pick -= population.get(c);
                if (pick < 0) {
                    code = c;
                    break;
                }
            }
            GeoPoint p = d.randomPointIn(code, random);
            points[i] = new double[] {p.longitude(), p.latitude()};
        }
        return points;
    }

    /** Query points anywhere in Chongqing, weighted by district population like the stations. */
    static double[][] queries(int count) {
        return queries(
                count,
                List.copyOf(DemoDataLoader.population(new org.nuanxin.spreadsheet.internal.DefaultSpreadsheetReader(
                                org.nuanxin.spreadsheet.SpreadsheetLimits.defaults()))
                        .keySet()),
                QUERY_SEED);
    }
}
