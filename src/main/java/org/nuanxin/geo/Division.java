package org.nuanxin.geo;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An administrative division: a county-level district (6-digit GB/T 2260 code, e.g. 500103) or a
 * township/subdistrict (9-digit statistical code, county code plus three digits).
 *
 * @param code       the division code
 * @param name       the official Chinese name, e.g. 渝中区
 * @param level      district or township
 * @param parentCode the code of the division above (500000 for a district)
 * @param validFrom  first day the code is valid in our reference data: 2023-01-01 for every division
 *                   now held, the vintage of the NBS 2023 code list we load (the code may be older;
 *                   the data set does not say)
 * @param validTo    last day the code is valid, empty while it is current (empty for all 2023 codes)
 */
public record Division(
        String code, String name, Level level, String parentCode, LocalDate validFrom, Optional<LocalDate> validTo) {

    /** Division levels held by Nuanxin; districts (区) and counties (县) are both {@code DISTRICT}. */
    public enum Level {
        PROVINCE,
        DISTRICT,
        TOWNSHIP
    }
}
