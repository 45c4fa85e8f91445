package org.nuanxin.station;

/**
 * A station as typed into the console form, sent to the API or read from a roster row: every field
 * is text, exactly as given, and may be null or blank. {@link StationCatalog} validates it.
 * Field names are also the keys of validation problems and of roster columns.
 */
public record StationInput(String code, String name, String hostType, String district, String address,
                           String longitude, String latitude, String crs, String contactName, String contactPhone,
                           String openingHours, String amenities, String status) {

    /** Field keys, in roster column order. */
    public static final java.util.List<String> FIELDS = java.util.List.of("code", "name", "district", "address",
            "longitude", "latitude", "crs", "hostType", "contactName", "contactPhone", "openingHours", "amenities",
            "status");
}
