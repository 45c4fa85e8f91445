package org.nuanxin.station.web;

import java.util.ArrayList;
import java.util.List;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.StationFilter;
import org.nuanxin.station.StationStatus;
import org.springframework.stereotype.Component;

/**
 * The one reader of station filters from request parameters, for the console list, the xlsx export,
 * the console map and the GeoJSON API alike. Strict: a district, amenity or status that is not
 * recognised is an error naming it (never "no filter"). A district may be given by name (渝中区) or
 * GB/T 2260 code (500103); amenities by code, label or alias, several in one parameter separated as
 * {@link Amenity#SEPARATOR} says, or in repeated parameters. Blank values do not filter.
 */
@Component
class StationFilterParser {

    private final Divisions divisions;

    StationFilterParser(Divisions divisions) {
        this.divisions = divisions;
    }

    /**
     * @param district a district's name or code, or blank
     * @param amenity  amenity texts, each possibly a list; null or blank entries are ignored
     * @param status   OPEN, SUSPENDED, CLOSED or their Chinese names, or blank
     * @param text     part of the name, address or code, or blank
     * @return the filter, with the district as its code
     * @throws InvalidInputException naming {@code district}, {@code amenity} or {@code status}, with the
     *                               codes {@code station.error.district}, {@code finder.error.amenity} and
     *                               {@code station.error.status}
     */
    StationFilter parse(String district, List<String> amenity, String status, String text) {
        List<FieldProblem> problems = new ArrayList<>();
        String districtCode = null;
        if (!blank(district)) {
            districtCode = divisions
                    .districtByName(district.strip())
                    .map(Division::code)
                    .orElse(null);
            if (districtCode == null) {
                problems.add(FieldProblem.of("district", "station.error.district", district.strip()));
            }
        }
        Amenity.ParsedList amenities = Amenity.parseList(amenity == null ? List.of() : amenity);
        for (String unknown : amenities.unknown()) {
            problems.add(FieldProblem.of("amenity", "finder.error.amenity", unknown));
        }
        StationStatus state = null;
        if (!blank(status)) {
            state = StationStatus.parse(status).orElse(null);
            if (state == null) {
                problems.add(FieldProblem.of("status", "station.error.status", status.strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new StationFilter(districtCode, amenities.amenities(), state, blank(text) ? null : text.strip(), null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
