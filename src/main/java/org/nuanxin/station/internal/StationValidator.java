package org.nuanxin.station.internal;

import com.uber.h3core.H3Core;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.identity.PhoneNumbers;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.HostType;
import org.nuanxin.station.OpeningHours;
import org.nuanxin.station.StationInput;
import org.nuanxin.station.StationStatus;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a station's fields are acceptable, for the console form, the
 * API and roster imports alike. Problems are message codes of {@code messages/station}.
 */
@Component
class StationValidator {

    static final int H3_RESOLUTION = 9;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");

    private final Divisions divisions;
    private final H3Core h3;

    StationValidator(Divisions divisions, H3Core h3) {
        this.divisions = divisions;
        this.h3 = h3;
    }

    /** The outcome: a record ready to write, or the problems found (never both). */
    record Result(StationRecord record, List<FieldProblem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Validates one station.
     *
     * @param owner who would own a station of a district (empty: the user may not keep stations there)
     */
    Result validate(StationInput in, CoordinateSystem defaultCrs, boolean synthetic, StationOwnership.Owner owner) {
        Problems p = new Problems();

        String code = text(in.code());
        if (code != null && !CODE.matcher(code).matches()) {
            p.add("code", "station.error.code");
        }
        String name = required(p, "name", in.name(), 100);
        String address = required(p, "address", in.address(), 200);
        String contactName = required(p, "contactName", in.contactName(), 50);

        Division district = null;
        String districtText = text(in.district());
        if (districtText == null) {
            p.add("district", "station.error.required");
        } else {
            district = divisions.districtByName(districtText).orElse(null);
            if (district == null) {
                p.add("district", "station.error.district", districtText);
            }
        }
        Long organization = null;
        if (district != null) {
            organization = owner.of(district.code()).orElse(null);
            if (organization == null) {
                p.add("district", "station.error.districtOutOfScope", district.name());
            }
        }

        HostType hostType = null;
        String hostText = text(in.hostType());
        if (hostText == null) {
            p.add("hostType", "station.error.required");
        } else {
            hostType = HostType.parse(hostText).orElse(null);
            if (hostType == null) {
                p.add(
                        "hostType",
                        "station.error.hostType",
                        hostText,
                        Arrays.stream(HostType.values()).map(HostType::label).collect(Collectors.joining("、")));
            }
        }

        String phone = null;
        String phoneText = text(in.contactPhone());
        if (phoneText == null) {
            p.add("contactPhone", "station.error.required");
        } else {
            // A union station in the city answers a mainland number (+86); say why any other is refused.
            PhoneNumbers.Result result = PhoneNumbers.parseMainland(phoneText);
            phone = result.number().map(PhoneNumbers.Parsed::e164).orElse(null);
            result.refusal()
                    .ifPresent(refusal -> p.add(
                            "contactPhone",
                            switch (refusal) {
                                case UNASSIGNED_MOBILE_RANGE -> "station.error.phoneUnassigned";
                                case NOT_MAINLAND -> "station.error.phoneNotMainland";
                                case INVALID -> "station.error.phone";
                            },
                            phoneText));
        }

        OpeningHours hours = null;
        String hoursText = text(in.openingHours());
        if (hoursText == null) {
            p.add("openingHours", "station.error.required");
        } else {
            try {
                hours = OpeningHours.parse(hoursText);
            } catch (IllegalArgumentException e) {
                p.add("openingHours", "station.error.hours", hoursText);
            }
        }

        Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
        String amenityText = text(in.amenities());
        if (amenityText == null) {
            p.add("amenities", "station.error.amenitiesEmpty");
        } else {
            Amenity.ParsedList parsed = Amenity.parseList(List.of(amenityText));
            amenities.addAll(parsed.amenities());
            if (!parsed.unknown().isEmpty()) {
                p.add(
                        "amenities",
                        "station.error.amenity",
                        String.join("、", parsed.unknown()),
                        Arrays.stream(Amenity.values()).map(Amenity::label).collect(Collectors.joining("、")));
            } else if (amenities.isEmpty()) {
                p.add("amenities", "station.error.amenitiesEmpty");
            }
        }

        StationStatus status = StationStatus.OPEN;
        String statusText = text(in.status());
        if (statusText != null) {
            status = StationStatus.parse(statusText).orElse(null);
            if (status == null) {
                p.add("status", "station.error.status", statusText);
            }
        }

        CoordinateSystem crs = defaultCrs;
        String crsText = text(in.crs());
        if (crsText != null) {
            crs = CoordinateSystem.parse(crsText).orElse(null);
            if (crs == null) {
                p.add("crs", "station.error.crs", crsText);
            }
        } else if (crs == null) {
            p.add("crs", "station.error.crsMissing");
        }
        Double lng = degrees(p, "longitude", in.longitude(), 180);
        // Read the latitude up to 180 first: a latitude of 106.5 is most likely a longitude typed in the
        // wrong column, and saying so helps more than "out of range".
        Double lat = degrees(p, "latitude", in.latitude(), 180);
        if (lat != null && Math.abs(lat) > 90) {
            if (lng != null && isSwapped(lng, lat)) {
                p.add("longitude", "station.error.swapped");
                p.add("latitude", "station.error.swapped");
            } else {
                p.add("latitude", "station.error.degrees", text(in.latitude()), 90);
            }
            lat = null;
        }
        GeoPoint entered = null;
        GeoPoint wgs84 = null;
        if (lng != null && lat != null && crs != null) {
            entered = new GeoPoint(lng, lat);
            wgs84 = CoordinateTransform.toWgs84(entered, crs);
            Optional<Division> located = divisions.locateDistrict(wgs84);
            if (located.isEmpty()) {
                p.add("longitude", "station.error.outside");
                p.add("latitude", "station.error.outside");
            } else if (district != null && !located.get().code().equals(district.code())) {
                p.add("longitude", "station.error.wrongDistrict", located.get().name(), district.name());
                p.add("latitude", "station.error.wrongDistrict", located.get().name(), district.name());
            }
        }

        if (!p.list.isEmpty()) {
            return new Result(null, List.copyOf(p.list));
        }
        long cell = h3.latLngToCell(wgs84.latitude(), wgs84.longitude(), H3_RESOLUTION);
        return new Result(
                new StationRecord(
                        code,
                        name,
                        hostType,
                        district.code(),
                        address,
                        wgs84,
                        crs,
                        entered,
                        cell,
                        contactName,
                        phone,
                        hours,
                        Set.copyOf(amenities),
                        status,
                        synthetic,
                        organization),
                List.of());
    }

    /** Latitude and longitude typed the wrong way round is the commonest roster mistake. */
    private boolean isSwapped(double lng, double lat) {
        return Math.abs(lng) <= 90
                && Math.abs(lat) <= 180
                && lat > 90
                && divisions.locateDistrict(new GeoPoint(lat, lng)).isPresent();
    }

    private Double degrees(Problems p, String field, String raw, double limit) {
        String t = text(raw);
        if (t == null) {
            p.add(field, "station.error.required");
            return null;
        }
        t = t.replace("°", "").strip();
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v) || t.chars().anyMatch(Character::isLetter) || Math.abs(v) > limit) {
                p.add(field, "station.error.degrees", t, limit);
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            p.add(field, "station.error.number", t);
            return null;
        }
    }

    private static String required(Problems p, String field, String raw, int maxLength) {
        String t = text(raw);
        if (t == null) {
            p.add(field, "station.error.required");
            return null;
        }
        if (t.length() > maxLength) {
            p.add(field, "station.error.tooLong", maxLength);
            return null;
        }
        return t;
    }

    /** Trims, folds full-width characters (NFKC) and treats blank as absent. */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String t = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        return t.isEmpty() ? null : t;
    }

    private static final class Problems {
        private final List<FieldProblem> list = new ArrayList<>();

        void add(String field, String code, Object... args) {
            list.add(FieldProblem.of(field, code, args));
        }
    }
}
