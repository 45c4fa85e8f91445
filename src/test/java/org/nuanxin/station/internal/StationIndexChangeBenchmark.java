package org.nuanxin.station.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one changed station costs the finder's index: the full rebuild the listener did before
 * (every station into a map, replace one, build a new tree) against {@link StationIndex#apply} (an
 * overlay beside the tree, compacted past {@link #OVERLAY_LIMIT}), both without the database read that
 * precedes them; and what a nearest-5 query costs with an empty overlay and with a full one.
 *
 * <p>Run: {@code ./mvnw -q -B -Pbench test-compile exec:exec -Djmh.args="StationIndexChangeBenchmark -f 1 -wi 2 -w 1s -i 3 -r 2s"}.
 */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class StationIndexChangeBenchmark {

    /** The default of {@code nuanxin.station.finder.overlay-limit}. */
    static final int OVERLAY_LIMIT = 256;

    static final int CHANGES = 4096;

    @State(Scope.Benchmark)
    public static class Data {

        @Param({"5444", "180000"})
        public int stations;

        StationIndex index;
        /** The same stations with a full overlay: {@link #OVERLAY_LIMIT} of them moved (the worst case for queries). */
        StationIndex withFullOverlay;
        /** Half-full overlay: the typical snapshot a single change is applied to. */
        StationIndex withHalfOverlay;
        /** Pre-made changes: a station moved by up to about 500 m. */
        StationSummary[] changes;

        double[][] points;

        @Setup(Level.Trial)
        public void setUp() {
            List<StationSummary> all = BenchStations.stations(stations).stream()
                    .map(Station::summary)
                    .toList();
            index = StationIndex.of(all);
            SplittableRandom random = new SplittableRandom(77);
            changes = new StationSummary[CHANGES];
            for (int i = 0; i < CHANGES; i++) {
                StationSummary s = all.get(random.nextInt(all.size()));
                GeoPoint p = new GeoPoint(
                        s.location().longitude() + (random.nextDouble() - 0.5) * 0.01,
                        s.location().latitude() + (random.nextDouble() - 0.5) * 0.01);
                changes[i] = new StationSummary(
                        s.id(),
                        s.code(),
                        s.name(),
                        s.hostType(),
                        s.districtCode(),
                        s.address(),
                        p,
                        s.contactName(),
                        s.contactPhone(),
                        s.openingHours(),
                        s.amenities(),
                        s.status(),
                        s.synthetic());
            }
            withFullOverlay = index;
            withHalfOverlay = index;
            for (int i = 0; withFullOverlay.overlaySize() < OVERLAY_LIMIT; i++) {
                withFullOverlay = withFullOverlay.apply(List.of(changes[i]), List.of(), OVERLAY_LIMIT);
                if (withFullOverlay.overlaySize() <= OVERLAY_LIMIT / 2) {
                    withHalfOverlay = withFullOverlay;
                }
            }
            points = BenchStations.queries(StationFinderBenchmark.QUERY_POINTS);
            for (int i = 0; i < 200; i++) {
                double[] p = points[i];
                var a = StationFinderBenchmark.codes(
                        withFullOverlay.nearest(p[0], p[1], StationFinderBenchmark.ANY, 5));
                var b = StationFinderBenchmark.codes(withFullOverlay.scan(p[0], p[1], StationFinderBenchmark.ANY, 5));
                if (!a.equals(b)) {
                    throw new IllegalStateException("overlay index and scan disagree at " + p[0] + "," + p[1]);
                }
            }
            System.out.printf(
                    "%n[setup] %,d stations; overlays of %d and %d%n",
                    all.size(), withHalfOverlay.overlaySize(), withFullOverlay.overlaySize());
        }
    }

    /** The snapshot that changes are applied to, one after another, as the finder's listener does. */
    @State(Scope.Thread)
    public static class Live {
        StationIndex current;
        int next;

        @Setup(Level.Trial)
        public void setUp(Data data) {
            current = data.index;
        }

        StationSummary nextChange(Data data) {
            StationSummary s = data.changes[next];
            next = (next + 1) & (CHANGES - 1);
            return s;
        }
    }

    /** Before: what {@code IndexedStationFinder} did for one changed station until the overlay existed. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public StationIndex changeByFullRebuild(Data data, Live live) {
        StationSummary changed = live.nextChange(data);
        Map<Long, StationSummary> byId = new HashMap<>();
        for (StationSummary s : live.current.stations()) {
            byId.put(s.id(), s);
        }
        byId.remove(changed.id());
        byId.put(changed.id(), changed);
        live.current = StationIndex.of(byId.values());
        return live.current;
    }

    /** After: one change into the overlay, including the compaction every {@link #OVERLAY_LIMIT} changes (amortised). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public StationIndex changeIncremental(Data data, Live live) {
        live.current = live.current.apply(List.of(live.nextChange(data)), List.of(), OVERLAY_LIMIT);
        return live.current;
    }

    /** After, without compaction: one change applied to a half-full overlay (what most changes cost). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public StationIndex changeIncrementalNoCompaction(Data data, Live live) {
        return data.withHalfOverlay.apply(List.of(live.nextChange(data)), List.of(), OVERLAY_LIMIT);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<StationIndex.Hit> nearest(Data data, StationFinderBenchmark.Cursor cursor) {
        double[] p = cursor.next(data.points);
        return data.index.nearest(p[0], p[1], StationFinderBenchmark.ANY, StationFinderBenchmark.LIMIT);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<StationIndex.Hit> nearestWithFullOverlay(Data data, StationFinderBenchmark.Cursor cursor) {
        double[] p = cursor.next(data.points);
        return data.withFullOverlay.nearest(p[0], p[1], StationFinderBenchmark.ANY, StationFinderBenchmark.LIMIT);
    }
}
