package org.nuanxin.station;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The station map layer: the stations inside a bounding box, or, when there are too many to draw or the map is
 * zoomed out, clusters of them per H3 cell. Its answer has at most {@link #maxFeatures()} features whatever the
 * size of the roster, so the layer's size stays flat as the roster grows (issue 7).
 */
public interface StationMapLayer {

    /**
     * @param filter the roster filter (see {@link StationFilter})
     * @param bounds the visible area, WGS-84
     * @param zoom   the map's zoom level (0..22), or null: below {@link #clusterBelowZoom()} the answer is clusters
     * @return stations when the map is zoomed in and at most {@link #maxFeatures()} match, else clusters
     */
    Layer layer(StationFilter filter, MapBounds bounds, @Nullable Integer zoom);

    /** @return the most features (stations or clusters) one answer holds */
    int maxFeatures();

    /** @return the zoom level from which single stations are drawn (when not too many) */
    int clusterBelowZoom();

    /**
     * @param stations      the stations, in code order, when {@code clusters} is empty
     * @param clusters      the clusters, when the stations were too many or the map zoomed out
     * @param total         how many stations match inside the bounds
     * @param h3Resolution  the H3 resolution of the clusters, -1 for stations
     */
    record Layer(List<Point> stations, List<Cluster> clusters, long total, int h3Resolution) {

        public Layer {
            stations = List.copyOf(stations);
            clusters = List.copyOf(clusters);
        }

        public boolean clustered() {
            return h3Resolution >= 0;
        }
    }

    /** One station on the map. */
    record Point(
            String code, String name, StationStatus status, boolean synthetic, double longitude, double latitude) {}

    /**
     * Stations of one H3 cell.
     *
     * @param cell      the H3 cell (at the layer's resolution)
     * @param count     how many stations
     * @param longitude mean longitude of its stations (where the cluster is drawn)
     * @param latitude  mean latitude of its stations
     */
    record Cluster(long cell, long count, double longitude, double latitude) {}
}
