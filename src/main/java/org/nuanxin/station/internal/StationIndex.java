package org.nuanxin.station.internal;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;
import org.nuanxin.geo.Distances;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationStatus;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * An immutable snapshot of the stations in a JTS STR-tree, answering k-nearest queries by
 * great-circle distance exactly as a brute-force scan would.
 *
 * <p>The tree measures planar distance in degrees, which orders points differently from
 * great-circle distance (a degree of longitude is shorter than one of latitude). So a query runs in
 * two steps: the tree's k nearest matching stations in degrees give an upper bound D on the true
 * k-th great-circle distance; then every matching station inside the latitude/longitude box that
 * contains the circle of radius D is measured exactly and the k nearest kept. No station nearer than
 * D can lie outside that box, so the answer is exact.
 */
final class StationIndex {

    /** One station in the tree, with what the filters need close at hand. */
    record Entry(Station station, double lng, double lat, int amenityBits) {
    }

    /** A query's answer row: the station and its great-circle distance in metres. */
    record Hit(Station station, double distanceMetres) {
    }

    static final Comparator<Hit> ORDER = Comparator.comparingDouble(Hit::distanceMetres)
            .thenComparing(h -> h.station().code());

    private final STRtree tree;
    private final int size;

    private StationIndex(STRtree tree, int size) {
        this.tree = tree;
        this.size = size;
    }

    static StationIndex of(Collection<Station> stations) {
        // Node capacity 10 keeps the tree shallow enough for 180,000 points and cheap to build.
        STRtree tree = new STRtree(10);
        for (Station s : stations) {
            double lng = s.location().longitude();
            double lat = s.location().latitude();
            tree.insert(new Envelope(lng, lng, lat, lat), new Entry(s, lng, lat, bits(s.amenities())));
        }
        tree.build();
        return new StationIndex(tree, stations.size());
    }

    int size() {
        return size;
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
            Station s = e.station();
            return s.status() == StationStatus.OPEN
                    && (e.amenityBits() & requiredAmenityBits) == requiredAmenityBits
                    && (openAt == null || s.openingHours().isOpenAt(openAt));
        }
    }

    /**
     * @param lng   WGS-84 longitude of the query point, degrees
     * @param lat   WGS-84 latitude, degrees
     * @param limit how many at most, at least 1
     * @return the nearest matching stations, ordered by distance then code
     */
    List<Hit> nearest(double lng, double lat, Criteria criteria, int limit) {
        if (size == 0) {
            return List.of();
        }
        Entry probe = new Entry(null, lng, lat, 0);
        ItemDistance planar = (a, b) -> {
            Entry x = (Entry) a.getItem();
            Entry y = (Entry) b.getItem();
            Entry candidate = x == probe ? y : x;
            if (!criteria.accepts(candidate)) {
                return Double.POSITIVE_INFINITY;
            }
            double dx = x.lng() - y.lng();
            double dy = x.lat() - y.lat();
            return Math.sqrt(dx * dx + dy * dy);
        };
        Object[] candidates = tree.nearestNeighbour(new Envelope(lng, lng, lat, lat), probe, planar,
                Math.min(limit, size));
        double radius = 0;
        int found = 0;
        for (Object o : candidates) {
            Entry e = (Entry) o;
            if (criteria.accepts(e)) {
                radius = Math.max(radius, Distances.metres(lng, lat, e.lng(), e.lat()));
                found++;
            }
        }
        if (found == 0) {
            return List.of();
        }
        double bound = radius * (1 + 1e-9) + 1e-6;
        List<Hit> hits = new ArrayList<>();
        // A hair over D so that stations exactly at D, tied on distance, are not lost to rounding.
        tree.query(boxAround(lng, lat, bound), item -> {
            Entry e = (Entry) item;
            if (criteria.accepts(e)) {
                double d = Distances.metres(lng, lat, e.lng(), e.lat());
                if (d <= bound) {
                    hits.add(new Hit(e.station(), d));
                }
            }
        });
        hits.sort(ORDER);
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    /** Brute force over every station: the reference the index is tested and benchmarked against. */
    List<Hit> scan(double lng, double lat, Criteria criteria, int limit) {
        List<Hit> hits = new ArrayList<>();
        tree.query(new Envelope(-180, 180, -90, 90), item -> {
            Entry e = (Entry) item;
            if (criteria.accepts(e)) {
                hits.add(new Hit(e.station(), Distances.metres(lng, lat, e.lng(), e.lat())));
            }
        });
        hits.sort(ORDER);
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    /** All stations of the snapshot. */
    List<Station> stations() {
        List<Station> all = new ArrayList<>(size);
        tree.query(new Envelope(-180, 180, -90, 90), item -> all.add(((Entry) item).station()));
        return all;
    }

    /**
     * The smallest latitude/longitude box holding every point within {@code metres} of the centre on
     * the sphere (the longitude half-width is asin(sin(d/R)/cos(lat)), exact for a spherical cap).
     */
    static Envelope boxAround(double lng, double lat, double metres) {
        double angular = metres / Distances.EARTH_RADIUS_METRES;
        double dLat = Math.toDegrees(angular);
        double minLat = lat - dLat;
        double maxLat = lat + dLat;
        if (minLat <= -90 || maxLat >= 90 || angular >= Math.PI / 2) {
            return new Envelope(-180, 180, Math.max(-90, minLat), Math.min(90, maxLat));
        }
        double s = Math.sin(angular) / Math.cos(Math.toRadians(lat));
        if (s >= 1) {
            return new Envelope(-180, 180, minLat, maxLat);
        }
        double dLng = Math.toDegrees(Math.asin(s));
        return new Envelope(lng - dLng, lng + dLng, minLat, maxLat);
    }
}
