package org.nuanxin.grid.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable index of active block areas (JTS STR-tree of envelopes, prepared geometries for the exact test): which
 * block contains a WGS-84 point. Built anew when a block changes and swapped in whole, so readers never lock.
 */
final class BlockAreas {

    static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    /** One indexed block: its id, organisation, and when it last changed (the newest wins where blocks overlap). */
    record Entry(long blockId, long organizationId, long changedAt, PreparedGeometry area) {}

    static final BlockAreas EMPTY = new BlockAreas(List.of());

    private final STRtree tree = new STRtree();
    private final int size;

    BlockAreas(List<Entry> entries) {
        for (Entry e : entries) {
            tree.insert(e.area().getGeometry().getEnvelopeInternal(), e);
        }
        tree.build();
        this.size = entries.size();
    }

    static Entry entry(long blockId, long organizationId, long changedAt, Geometry area) {
        return new Entry(blockId, organizationId, changedAt, PreparedGeometryFactory.prepare(area));
    }

    /** @return the block whose area covers the point (the most recently changed one where areas overlap), or empty */
    Optional<Entry> locate(double longitude, double latitude) {
        Point point = GEOMETRY.createPoint(new Coordinate(longitude, latitude));
        @Nullable Entry best = null;
        for (Object o : tree.query(new Envelope(longitude, longitude, latitude, latitude))) {
            Entry e = (Entry) o;
            if (e.area().covers(point) && (best == null || e.changedAt() > best.changedAt())) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    int size() {
        return size;
    }
}
