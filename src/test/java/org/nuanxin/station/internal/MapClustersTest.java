package org.nuanxin.station.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nuanxin.station.StationMapLayer.Cluster;

/** The map layer's clusters stay under the bound and count every station, for rosters far larger than the demo. */
class MapClustersTest {

    static final int MAX = 1_000;
    /** A cluster feature as the API writes it is about 150 bytes: the layer stays under 150 KB, gzip about a fifth. */
    static final int BYTES_PER_CLUSTER = 150;

    private static H3Core h3;

    @BeforeAll
    static void h3() throws IOException {
        h3 = H3Core.newInstance();
    }

    @ParameterizedTest(name = "{0} stations, zoom {1}")
    @CsvSource({
        "5444, 3",
        "5444, 7",
        "5444, 9",
        "5444, 12",
        "50000, 3",
        "50000, 7",
        "50000, 9",
        "50000, 11",
        "50000, 12",
        "200000, 7",
        "200000, 10",
        "200000, 12"
    })
    void clustersAreBoundedAndCountEveryStation(int stations, int zoom) {
        MapClusters clusters = new MapClusters(h3, MapClusters.resolutionForZoom(zoom));
        SplittableRandom random = new SplittableRandom(stations + zoom);
        for (int i = 0; i < stations; i++) {
            // Chongqing's box, and a dense core as the urban districts have.
            boolean core = random.nextInt(3) == 0;
            double lng = core ? random.nextDouble(106.40, 106.70) : random.nextDouble(105.3, 110.2);
            double lat = core ? random.nextDouble(29.40, 29.75) : random.nextDouble(28.2, 32.2);
            clusters.add(h3.latLngToCell(lat, lng, MapClusters.STATION_RESOLUTION), lng, lat);
        }
        MapClusters.Result result = clusters.result(MAX);
        assertThat(result.clusters()).hasSizeLessThanOrEqualTo(MAX);
        assertThat(result.clusters().size() * BYTES_PER_CLUSTER).isLessThan(150_000);
        assertThat(result.clusters().stream().mapToLong(Cluster::count).sum()).isEqualTo(stations);
        assertThat(result.resolution()).isBetween(0, MapClusters.resolutionForZoom(zoom));
        for (Cluster c : result.clusters()) {
            assertThat(h3.getResolution(c.cell())).isEqualTo(result.resolution());
        }
    }
}
