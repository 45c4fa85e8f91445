package org.nuanxin.grid.internal;

import org.nuanxin.grid.PhotoLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code nuanxin.grid.photos.*}: limits of hazard-report photos. Defaults: max-bytes 10MB, max-pixels 40000000
 * (40 megapixels, checked from the header before decoding), max-edge 2048 (pixels of the stored photo's longer
 * edge).
 */
@ConfigurationProperties("nuanxin.grid.photos")
record GridPhotoProperties(
        @DefaultValue("10MB") DataSize maxBytes,
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue("2048") int maxEdge) {

    PhotoLimits limits() {
        return new PhotoLimits(maxBytes.toBytes(), maxPixels, maxEdge);
    }
}
