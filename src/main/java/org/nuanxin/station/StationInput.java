package org.nuanxin.station;

import org.jspecify.annotations.Nullable;

/**
 * A station as typed into the console form, sent to the API or read from a roster row: every field
 * is text, exactly as given, and may be null or blank. {@link StationCatalog} validates it.
 * Field names are also the keys of validation problems and of roster columns.
 */
public record StationInput(
        @Nullable String code,
        @Nullable String name,
        @Nullable String hostType,
        @Nullable String district,
        @Nullable String address,
        @Nullable String longitude,
        @Nullable String latitude,
        @Nullable String crs,
        @Nullable String contactName,
        @Nullable String contactPhone,
        @Nullable String openingHours,
        @Nullable String amenities,
        @Nullable String status) {

    /** Field keys, in roster column order. */
    public static final java.util.List<String> FIELDS = java.util.List.of(
            "code",
            "name",
            "district",
            "address",
            "longitude",
            "latitude",
            "crs",
            "hostType",
            "contactName",
            "contactPhone",
            "openingHours",
            "amenities",
            "status");
}
