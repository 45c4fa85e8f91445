package org.nuanxin.grid.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.geo.internal.ChongqingDivisions;
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
 * Point-to-district-and-block assignment (issue 10), what every report submit does: {@link PointPlacer#place} (the
 * district from geo's boundaries, then the block from the STR-tree of block areas) against a scan of every block
 * area with the same prepared geometries (the baseline a list of blocks without an index would be).
 *
 * <p>Blocks: {@code blocks} squares of about 600 m × 600 m (a rider-friendly block is a few streets), centred on
 * points drawn uniformly inside random districts (seed 20261130); query points: 4,096 points (seed 4242), half
 * inside a block (its centre jittered by up to 200 m), half anywhere in a random district. Command in
 * docs/PERFORMANCE.md §13.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@State(Scope.Benchmark)
public class PlacementBenchmark {

    @Param({"200", "5000"})
    int blocks;

    PointPlacer placer;
    List<BlockAreas.Entry> entries;
    double[][] points;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        ChongqingDivisions divisions = new ChongqingDivisions();
        List<Division> districts = divisions.districts();
        SplittableRandom random = new SplittableRandom(20261130);
        entries = new ArrayList<>();
        List<GeoPoint> centres = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
            GeoPoint c = divisions.randomPointIn(
                    districts.get(random.nextInt(districts.size())).code(), random);
            centres.add(c);
            double half = 0.003;
            Geometry square = BlockAreas.GEOMETRY.createPolygon(new Coordinate[] {
                new Coordinate(c.longitude() - half, c.latitude() - half),
                new Coordinate(c.longitude() + half, c.latitude() - half),
                new Coordinate(c.longitude() + half, c.latitude() + half),
                new Coordinate(c.longitude() - half, c.latitude() + half),
                new Coordinate(c.longitude() - half, c.latitude() - half)
            });
            entries.add(BlockAreas.entry(i + 1, 1000 + i, i, square));
        }
        Map<String, Long> unions = new HashMap<>();
        for (Division d : districts) {
            unions.put(d.code(), Long.parseLong(d.code()));
        }
        placer = new PointPlacer(divisions, new BlockAreas(entries), unions, 1);
        SplittableRandom q = new SplittableRandom(4242);
        points = new double[4096][];
        for (int i = 0; i < points.length; i++) {
            if (i % 2 == 0) {
                GeoPoint c = centres.get(q.nextInt(centres.size()));
                points[i] = new double[] {
                    c.longitude() + (q.nextDouble() - 0.5) * 0.004, c.latitude() + (q.nextDouble() - 0.5) * 0.004
                };
            } else {
                GeoPoint p = divisions.randomPointIn(
                        districts.get(q.nextInt(districts.size())).code(), q);
                points[i] = new double[] {p.longitude(), p.latitude()};
            }
        }
        // guard: the index and the scan agree on the first 500 points
        for (int i = 0; i < 500; i++) {
            Long indexed = placer.place(GeoPoint.of(points[i][0], points[i][1])).blockId();
            Long scanned = scan(points[i]);
            if (!java.util.Objects.equals(indexed, scanned)) {
                throw new IllegalStateException("index and scan disagree at point " + i);
            }
        }
    }

    private Long scan(double[] p) {
        Point point = BlockAreas.GEOMETRY.createPoint(new Coordinate(p[0], p[1]));
        BlockAreas.Entry best = null;
        for (BlockAreas.Entry e : entries) {
            if (e.area().covers(point) && (best == null || e.changedAt() > best.changedAt())) {
                best = e;
            }
        }
        return best == null ? null : best.blockId();
    }

    @Benchmark
    public Placement indexed() {
        double[] p = points[next++ & 4095];
        return placer.place(GeoPoint.of(p[0], p[1]));
    }

    @Benchmark
    public Object scanEveryBlock() {
        double[] p = points[next++ & 4095];
        GeoPoint point = GeoPoint.of(p[0], p[1]);
        return new Object[] {placer.divisions().locateDistrict(point), scan(p)};
    }
}
