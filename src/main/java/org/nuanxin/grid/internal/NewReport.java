package org.nuanxin.grid.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.SanitizedPhoto;

/**
 * What a rider's form or an Open311 client sends. Checked by {@link ReportService#submit}; every problem names its
 * field: {@code category}, {@code description}, {@code location}, {@code address}, {@code photo}.
 *
 * @param category       the category, null when missing
 * @param description    plain text; HTML is kept as text and escaped when shown
 * @param longitude      degrees in {@code crs}, null when missing
 * @param latitude       degrees in {@code crs}, null when missing
 * @param crs            the coordinate system of the point (a phone's browser gives WGS-84; AMap's picker GCJ-02)
 * @param address        optional address text (Open311 {@code address_string})
 * @param photos         0–{@link ReportService#MAX_PHOTOS} photos already through {@link org.nuanxin.grid.PhotoIntake}
 * @param idempotencyKey the client's retry key (a form's hidden UUID; Open311 has none), null when none
 */
public record NewReport(
        @Nullable HazardCategory category,
        String description,
        @Nullable Double longitude,
        @Nullable Double latitude,
        CoordinateSystem crs,
        String address,
        List<SanitizedPhoto> photos,
        @Nullable String idempotencyKey) {

    public NewReport {
        description = description == null ? "" : description;
        address = address == null ? "" : address;
        photos = List.copyOf(photos);
    }
}
