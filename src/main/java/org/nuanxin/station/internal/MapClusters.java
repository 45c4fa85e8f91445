package org.nuanxin.station.internal;

import com.uber.h3core.H3Core;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nuanxin.station.StationMapLayer.Cluster;

/**
 * Folds stations (their res-9 H3 cell and position) into clusters per parent cell, coarsening the resolution
 * until there are at most {@code maxClusters}: the answer's size is bounded whatever the number of stations.
 */
final class MapClusters {

    /** The resolution of {@code station.h3_cell}. */
    static final int STATION_RESOLUTION = 9;

    private final H3Core h3;
    private final int resolution;
    private final Map<Long, double[]> sums = new HashMap<>();

    MapClusters(H3Core h3, int resolution) {
        if (resolution < 0 || resolution > STATION_RESOLUTION) {
            throw new IllegalArgumentException("resolution " + resolution);
        }
        this.h3 = h3;
        this.resolution = resolution;
    }

    /** The cluster resolution for a map zoom level: about one cell per 60-120 screen pixels. */
    static int resolutionForZoom(int zoom) {
        return Math.max(0, Math.min(STATION_RESOLUTION - 1, (zoom - 4) * 2 / 3 + 2));
    }

    void add(long stationCell, double longitude, double latitude) {
        long parent = stationCell == 0 ? 0 : h3.cellToParent(stationCell, resolution);
        double[] s = sums.computeIfAbsent(parent, k -> new double[3]);
        s[0]++;
        s[1] += longitude;
        s[2] += latitude;
    }

    /**
     * @return at most {@code maxClusters} clusters, ordered by cell, with the resolution they were made at
     */
    Result result(int maxClusters) {
        int r = resolution;
        Map<Long, double[]> current = sums;
        while (current.size() > maxClusters && r > 0) {
            r--;
            Map<Long, double[]> coarser = new HashMap<>();
            for (Map.Entry<Long, double[]> e : current.entrySet()) {
                long parent = e.getKey() == 0 ? 0 : h3.cellToParent(e.getKey(), r);
                double[] s = coarser.computeIfAbsent(parent, k -> new double[3]);
                double[] v = e.getValue();
                s[0] += v[0];
                s[1] += v[1];
                s[2] += v[2];
            }
            current = coarser;
        }
        List<Cluster> clusters = new ArrayList<>(current.size());
        current.forEach((cell, s) -> clusters.add(new Cluster(cell, (long) s[0], s[1] / s[0], s[2] / s[0])));
        clusters.sort(Comparator.comparingLong(Cluster::cell));
        if (clusters.size() > maxClusters) {
            // Resolution 0 has 122 cells on Earth; a box on one city never gets here, but the bound holds anyway.
            return new Result(clusters.subList(0, maxClusters), r);
        }
        return new Result(clusters, r);
    }

    record Result(List<Cluster> clusters, int resolution) {}
}
