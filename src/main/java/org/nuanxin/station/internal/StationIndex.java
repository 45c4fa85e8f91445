package org.nuanxin.station.internal;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
import org.nuanxin.geo.Distances;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.StationStatus;
import org.nuanxin.station.StationSummary;

/**
 * An immutable snapshot of the stations in a JTS STR-tree, answering k-nearest queries by
 * great-circle distance exactly as a brute-force scan ordered by (distance, code) would.
 *
 * <p>The tree holds each station at its equirectangular projection in metres, x = R·cos(φ₀)·λ and
 * y = R·φ, where φ₀ is the data's largest |latitude| plus 10°. Because cos φ ≥ cos φ₀ inside that
 * band, the projection never stretches a path: the planar distance between two projected points is
 * at most their great-circle distance. So the tree's box distances are true lower bounds of
 * great-circle metres; scaled by a further 0.96 they stay below the chord through the Earth too.
 * JTS's best-first k-nearest search then measures stations by chord (no trigonometry; the chord
 * orders points exactly as the arc does) and is exact in one pass; the answer reports arc metres. The band holds every great circle of up to 6,000 km between points
 * of the data's latitudes (a great circle rises at most a few degrees above its ends at that
 * length); queries outside those bounds, or near the antimeridian, fall back to a full scan.
 *
 * <p><b>Incremental changes.</b> The packed tree cannot take inserts, and rebuilding it costs about
 * 0.2 s at 180,000 stations, so a snapshot is a <em>base</em> (the tree, shared between snapshots) plus
 * a small <em>overlay</em>: the added or changed stations, searched exhaustively, and the ids of base
 * entries they replace or that were removed ({@code masked}, a hash set), which the tree search skips. A query
 * takes the base's exact best {@code limit + 1} among unmasked entries and merges in every overlay entry
 * that is not farther than the last of them, so the answer stays exactly the brute-force answer.
 * {@link #apply} makes a new snapshot per change (copying only the overlay) and compacts the overlay into
 * a new base once it (or the masked set) holds more than a given number of stations, which bounds the
 * per-query cost of the overlay scan (at most 256 squared-chord comparisons at the default limit).
 */
final class StationIndex {

    /**
     * One station in the tree, with what the filters need close at hand and its position as a unit
     * vector (x, y, z on the unit sphere), so that comparing distances needs no trigonometry.
     */
    record Entry(StationSummary station, double ux, double uy, double uz, int amenityBits) {

        static Entry of(StationSummary s, double lng, double lat, int bits) {
            double phi = Math.toRadians(lat);
            double lambda = Math.toRadians(lng);
            return new Entry(
                    s, Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi), bits);
        }

        /** @return the straight-line (chord) distance through the Earth in metres: shorter than the arc, same order */
        double chordMetres(Entry other) {
            double dx = ux - other.ux;
            double dy = uy - other.uy;
            double dz = uz - other.uz;
            return R * Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
    }

    /** A query's answer row: the station and its great-circle distance in metres. */
    record Hit(StationSummary station, double distanceMetres) {}

    static final Comparator<Hit> ORDER = Comparator.comparingDouble(Hit::distanceMetres)
            .thenComparing(h -> h.station().code());

    private static final double R = Distances.EARTH_RADIUS_METRES;
    /**
     * The tree's distances must stay below the chord, which is shorter than the arc: for arcs up to
     * {@link #MAX_PROJECTED_METRES} (0.94 rad) the chord is at least sin(0.47)/0.47 = 0.963 of the arc.
     */
    private static final double CHORD_SAFETY = 0.96;
    /** Beyond this distance a great circle may leave the latitude band: answer by scanning. */
    private static final double MAX_PROJECTED_METRES = 6_000_000;

    private static final Entry[] NO_ENTRIES = {};

    private final STRtree tree;
    /** Ids of the stations in the tree, sorted. */
    private final long[] baseIds;

    private final double xScale;
    private final double maxQueryLatitude;
    private final boolean projectable;
    /** Added or changed stations, not in the tree (or replacing their tree entry); searched one by one. */
    private final Entry[] overlay;
    /** Ids of tree entries that the overlay replaces or that were removed. */
    private final IdSet masked;

    private final int size;

    private StationIndex(
            STRtree tree,
            long[] baseIds,
            double xScale,
            double maxQueryLatitude,
            boolean projectable,
            Entry[] overlay,
            IdSet masked) {
        this.tree = tree;
        this.baseIds = baseIds;
        this.xScale = xScale;
        this.maxQueryLatitude = maxQueryLatitude;
        this.projectable = projectable;
        this.overlay = overlay;
        this.masked = masked;
        this.size = baseIds.length - masked.size() + overlay.length;
    }

    static StationIndex of(Collection<StationSummary> stations) {
        double maxAbsLat = 0;
        double maxAbsLng = 0;
        for (StationSummary s : stations) {
            maxAbsLat = Math.max(maxAbsLat, Math.abs(s.location().latitude()));
            maxAbsLng = Math.max(maxAbsLng, Math.abs(s.location().longitude()));
        }
        double band = Math.min(85, maxAbsLat + 10);
        double xScale = CHORD_SAFETY * R * Math.cos(Math.toRadians(band));
        // Node capacity 10 keeps the tree shallow for 180,000 points and cheap to build.
        STRtree tree = new STRtree(10);
        long[] ids = new long[stations.size()];
        int n = 0;
        for (StationSummary s : stations) {
            double lng = s.location().longitude();
            double lat = s.location().latitude();
            double x = xScale * Math.toRadians(lng);
            double y = CHORD_SAFETY * R * Math.toRadians(lat);
            tree.insert(new Envelope(x, x, y, y), entry(s));
            ids[n++] = s.id();
        }
        tree.build();
        Arrays.sort(ids);
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] == ids[i - 1]) {
                throw new IllegalArgumentException("station id " + ids[i] + " appears twice");
            }
        }
        return new StationIndex(
                tree, ids, xScale, Math.min(80, maxAbsLat + 5), maxAbsLng < 170, NO_ENTRIES, IdSet.EMPTY);
    }

    private static Entry entry(StationSummary s) {
        return Entry.of(s, s.location().longitude(), s.location().latitude(), bits(s.amenities()));
    }

    /**
     * A snapshot with the given stations added or replaced (by id) and the given ids removed, sharing
     * this snapshot's tree; compacted into a new tree when the overlay, or the set of tree entries it
     * hides, would hold more than {@code overlayLimit} stations. This snapshot is not changed.
     *
     * @param changed      stations as they are now (new ones, or new versions of indexed ones)
     * @param removedIds   ids of stations that no longer exist (ids not indexed are ignored)
     * @param overlayLimit most stations kept beside the tree before it is rebuilt, at least 0
     * @return the new snapshot
     */
    StationIndex apply(Collection<StationSummary> changed, Collection<Long> removedIds, int overlayLimit) {
        Map<Long, Entry> byId = new LinkedHashMap<>();
        for (Entry e : overlay) {
            byId.put(e.station().id(), e);
        }
        TreeSet<Long> hidden = new TreeSet<>();
        for (long id : masked.ids()) {
            hidden.add(id);
        }
        for (Long id : removedIds) {
            byId.remove(id);
            if (inBase(id)) {
                hidden.add(id);
            }
        }
        for (StationSummary s : changed) {
            byId.put(s.id(), entry(s));
            if (inBase(s.id())) {
                hidden.add(s.id());
            }
        }
        IdSet newMasked = IdSet.of(hidden.stream().mapToLong(Long::longValue).toArray());
        StationIndex next = new StationIndex(
                tree,
                baseIds,
                xScale,
                maxQueryLatitude,
                projectable,
                byId.values().toArray(NO_ENTRIES),
                newMasked);
        return Math.max(next.overlay.length, newMasked.size()) > overlayLimit ? next.compacted() : next;
    }

    /** @return a snapshot of the same stations with an empty overlay (a new tree) */
    StationIndex compacted() {
        return of(stations());
    }

    private boolean inBase(long id) {
        return Arrays.binarySearch(baseIds, id) >= 0;
    }

    private boolean isMasked(Entry e) {
        return masked.contains(e.station().id());
    }

    int size() {
        return size;
    }

    /** @return how many stations sit beside the tree (changed since it was built) */
    int overlaySize() {
        return overlay.length;
    }

    static int bits(Set<Amenity> amenities) {
        int b = 0;
        for (Amenity a : amenities) {
            b |= 1 << a.ordinal();
        }
        return b;
    }

    /** What a station must satisfy to be returned. */
    record Criteria(int requiredAmenityBits, LocalTime openAt) {

        boolean accepts(Entry e) {
            StationSummary s = e.station();
            return s.status() == StationStatus.OPEN
                    && (e.amenityBits() & requiredAmenityBits) == requiredAmenityBits
                    && (openAt == null || s.openingHours().isOpenAt(openAt));
        }
    }

    /**
     * @param lng   WGS-84 longitude of the query point, degrees
     * @param lat   WGS-84 latitude, degrees
     * @param limit how many at most, at least 1
     * @return the nearest matching stations, ordered by great-circle distance then code
     */
    List<Hit> nearest(double lng, double lat, Criteria criteria, int limit) {
        if (size == 0) {
            return List.of();
        }
        if (baseIds.length == masked.size()
                || !projectable
                || Math.abs(lat) > maxQueryLatitude
                || Math.abs(lng) >= 170) {
            return scan(lng, lat, criteria, limit);
        }
        double x = xScale * Math.toRadians(lng);
        double y = CHORD_SAFETY * R * Math.toRadians(lat);
        Entry probe = Entry.of(null, lng, lat, 0);
        // Chord metres order stations exactly as great-circle metres do, and stay above the tree's bounds.
        ItemDistance chord = (a, b) -> {
            Entry e = (Entry) (a.getItem() == probe ? b.getItem() : a.getItem());
            return criteria.accepts(e) && !isMasked(e) ? probe.chordMetres(e) : Double.POSITIVE_INFINITY;
        };
        // One more than asked, to see whether the last place is tied with a station left out.
        int wanted = Math.min(limit + 1, baseIds.length);
        Object[] found = tree.nearestNeighbour(new Envelope(x, x, y, y), probe, chord, wanted);
        List<Hit> hits = new ArrayList<>(found.length + 4);
        double farthestChord = 0;
        for (Object o : found) {
            Entry e = (Entry) o;
            if (criteria.accepts(e) && !isMasked(e)) {
                hits.add(new Hit(e.station(), metres(lng, lat, e)));
                farthestChord = Math.max(farthestChord, probe.chordMetres(e));
            }
        }
        // Every tree entry left out is at least as far as the farthest one found, unless fewer than asked
        // were found (then none was left out): overlay entries beyond that cannot be among the first limit + 1.
        // Compared squared and on the unit sphere first, so that far entries cost no filter and no square root.
        double bound = hits.size() < limit + 1 ? Double.POSITIVE_INFINITY : farthestChord / R * (1 + 1e-9);
        double boundSquared = bound * bound;
        for (Entry e : overlay) {
            double dx = probe.ux - e.ux;
            double dy = probe.uy - e.uy;
            double dz = probe.uz - e.uz;
            if (dx * dx + dy * dy + dz * dz <= boundSquared && criteria.accepts(e)) {
                hits.add(new Hit(e.station(), metres(lng, lat, e)));
            }
        }
        hits.sort(ORDER);
        if (hits.size() <= limit) {
            return hits.isEmpty() || hits.get(hits.size() - 1).distanceMetres() <= MAX_PROJECTED_METRES
                    ? hits
                    : scan(lng, lat, criteria, limit);
        }
        double last = hits.get(limit - 1).distanceMetres();
        if (last > MAX_PROJECTED_METRES) {
            return scan(lng, lat, criteria, limit);
        }
        if (last < hits.get(limit).distanceMetres()) {
            return List.copyOf(hits.subList(0, limit));
        }
        return tiedAt(last, x, y, lng, lat, criteria, limit);
    }

    /**
     * Several stations share the distance of the last place (co-located stations): take all of them
     * from the square that holds the circle of that radius, so the code decides as in a scan.
     */
    private List<Hit> tiedAt(double radius, double x, double y, double lng, double lat, Criteria criteria, int limit) {
        double r = radius * (1 + 1e-9) + 1e-6;
        List<Hit> hits = new ArrayList<>();
        tree.query(new Envelope(x - r, x + r, y - r, y + r), item -> {
            Entry e = (Entry) item;
            if (criteria.accepts(e) && !isMasked(e)) {
                double d = metres(lng, lat, e);
                if (d <= r) {
                    hits.add(new Hit(e.station(), d));
                }
            }
        });
        for (Entry e : overlay) {
            if (criteria.accepts(e)) {
                double d = metres(lng, lat, e);
                if (d <= r) {
                    hits.add(new Hit(e.station(), d));
                }
            }
        }
        hits.sort(ORDER);
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    /** Brute force over every station: the reference the index is tested and benchmarked against. */
    List<Hit> scan(double lng, double lat, Criteria criteria, int limit) {
        List<Hit> hits = new ArrayList<>();
        tree.query(new Envelope(-Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE), item -> {
            Entry e = (Entry) item;
            if (criteria.accepts(e) && !isMasked(e)) {
                hits.add(new Hit(e.station(), metres(lng, lat, e)));
            }
        });
        for (Entry e : overlay) {
            if (criteria.accepts(e)) {
                hits.add(new Hit(e.station(), metres(lng, lat, e)));
            }
        }
        hits.sort(ORDER);
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    private static double metres(double lng, double lat, Entry e) {
        GeoPoint p = e.station().location();
        return Distances.metres(lng, lat, p.longitude(), p.latitude());
    }

    /** All stations of the snapshot. */
    List<StationSummary> stations() {
        List<StationSummary> all = new ArrayList<>(size);
        tree.query(new Envelope(-Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE), item -> {
            Entry e = (Entry) item;
            if (!isMasked(e)) {
                all.add(e.station());
            }
        });
        for (Entry e : overlay) {
            all.add(e.station());
        }
        return all;
    }

    /** A set of ids in an open-addressing table: membership without boxing, in about one probe. */
    static final class IdSet {

        static final IdSet EMPTY = of(new long[0]);
        private static final long FREE = Long.MIN_VALUE;

        private final long[] ids;
        private final long[] table;
        private final int mask;

        private IdSet(long[] ids, long[] table) {
            this.ids = ids;
            this.table = table;
            this.mask = table.length - 1;
        }

        /** @param ids distinct ids, none equal to {@link Long#MIN_VALUE} */
        static IdSet of(long[] ids) {
            int capacity = Integer.highestOneBit(Math.max(4, ids.length * 4 - 1));
            long[] table = new long[capacity];
            Arrays.fill(table, FREE);
            IdSet set = new IdSet(ids.clone(), table);
            for (long id : ids) {
                int i = slot(id, set.mask);
                while (table[i] != FREE) {
                    i = (i + 1) & set.mask;
                }
                table[i] = id;
            }
            return set;
        }

        private static int slot(long id, int mask) {
            return (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        }

        boolean contains(long id) {
            if (ids.length == 0) {
                return false;
            }
            for (int i = slot(id, mask); ; i = (i + 1) & mask) {
                long v = table[i];
                if (v == id) {
                    return true;
                }
                if (v == FREE) {
                    return false;
                }
            }
        }

        int size() {
            return ids.length;
        }

        long[] ids() {
            return ids;
        }
    }
}
