package org.nuanxin.grid.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code nuanxin.open311.*}: the GeoReport v2 endpoint's settings.
 *
 * @param jurisdictionId the one jurisdiction served (default {@code 500000}, Chongqing's GB/T 2260 code); a request
 *                       may leave {@code jurisdiction_id} out or empty, or name this one; any other is 404
 * @param contact        the discovery document's contact (who runs the endpoint)
 * @param maxBody        the largest {@code POST requests} body accepted (default 64KB: a form of a few short fields)
 */
@ConfigurationProperties("nuanxin.open311")
record Open311Properties(
        @DefaultValue("500000") String jurisdictionId,
        @DefaultValue("重庆市总工会 暖新平台 网格隐患上报") String contact,
        @DefaultValue("64KB") DataSize maxBody) {

    Open311Properties {
        if (jurisdictionId.isBlank()) {
            throw new IllegalArgumentException("nuanxin.open311.jurisdiction-id must not be blank");
        }
        if (maxBody.toBytes() <= 0) {
            throw new IllegalArgumentException("nuanxin.open311.max-body must be positive");
        }
    }
}
