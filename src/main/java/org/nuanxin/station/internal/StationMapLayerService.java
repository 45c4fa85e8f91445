package org.nuanxin.station.internal;

import com.uber.h3core.H3Core;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.nuanxin.station.MapBounds;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationMapLayer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The map layer from the database: one count in the box, then either the stations (few, zoomed in) or their
 * H3 cells folded into clusters in memory. The database reads only the box; the answer never exceeds
 * {@code nuanxin.station.map.max-features} features.
 */
@Service
class StationMapLayerService implements StationMapLayer {

    private final StationRepository repository;
    private final H3Core h3;
    private final int maxFeatures;
    private final int clusterBelowZoom;

    StationMapLayerService(StationRepository repository, H3Core h3, StationProperties properties) {
        this.repository = repository;
        this.h3 = h3;
        this.maxFeatures = properties.map().maxFeatures();
        this.clusterBelowZoom = properties.map().clusterBelowZoom();
        if (maxFeatures < 200) {
            throw new IllegalStateException("nuanxin.station.map.max-features must be at least 200");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Layer layer(StationFilter filter, MapBounds bounds, @Nullable Integer zoom) {
        long total = repository.countIn(filter, bounds);
        boolean zoomedIn = zoom == null || zoom >= clusterBelowZoom;
        if (zoomedIn && total <= maxFeatures) {
            return new Layer(repository.pointsIn(filter, bounds), List.of(), total, -1);
        }
        int resolution = MapClusters.resolutionForZoom(zoom == null ? clusterBelowZoom - 1 : zoom);
        MapClusters clusters = new MapClusters(h3, resolution);
        repository.clusterIn(filter, bounds, clusters);
        MapClusters.Result result = clusters.result(maxFeatures);
        return new Layer(List.of(), result.clusters(), total, result.resolution());
    }

    @Override
    public int maxFeatures() {
        return maxFeatures;
    }

    @Override
    public int clusterBelowZoom() {
        return clusterBelowZoom;
    }
}
