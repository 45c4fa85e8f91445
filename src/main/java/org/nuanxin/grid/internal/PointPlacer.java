package org.nuanxin.grid.internal;

import java.util.Map;
import java.util.Optional;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.kernel.InvalidInputException;

/**
 * One immutable snapshot of what placing a point needs, all in memory: the district boundaries (geo), the index of
 * active block areas, and the organisation of each district federation. {@link BlockDirectory} swaps a new one in
 * when blocks change.
 *
 * @param divisions      the district boundaries
 * @param areas          the active blocks
 * @param districtUnions district code → id of its district federation
 * @param fallbackUnion  the organisation for a district without a federation (the root), never expected in practice
 */
record PointPlacer(Divisions divisions, BlockAreas areas, Map<String, Long> districtUnions, long fallbackUnion) {

    PointPlacer {
        districtUnions = Map.copyOf(districtUnions);
    }

    /**
     * @throws InvalidInputException on {@code location} ({@code grid.location.outside}) outside Chongqing
     */
    Placement place(GeoPoint wgs84) {
        Division district = divisions
                .locateDistrict(wgs84)
                .orElseThrow(() -> new InvalidInputException("location", "grid.location.outside"));
        Optional<BlockAreas.Entry> block = areas.locate(wgs84.longitude(), wgs84.latitude());
        if (block.isPresent()) {
            return new Placement(
                    district.code(), block.get().blockId(), block.get().organizationId());
        }
        return new Placement(district.code(), null, districtUnions.getOrDefault(district.code(), fallbackUnion));
    }
}
