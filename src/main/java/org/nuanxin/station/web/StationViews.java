package org.nuanxin.station.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Amenity;
import org.nuanxin.station.NearbyStation;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationSummary;

/** JSON shapes of the station API, and the links a phone needs (tel:, AMap navigation). */
final class StationViews {

    private StationViews() {}

    /**
     * A point in WGS-84 degrees.
     *
     * @param lng longitude
     * @param lat latitude
     */
    record Point(double lng, double lat) {
        static Point of(GeoPoint p) {
            return new Point(round(p.longitude()), round(p.latitude()));
        }
    }

    /**
     * A station as the public API shows it. No contact person's name (PIPL art. 6, data minimisation):
     * a rider needs the station's service phone to call, not the name of the person who answers it;
     * the name stays in the staff console.
     *
     * @param amenities    amenity codes (WATER, CHARGING, ...)
     * @param location     WGS-84
     * @param contactPhone E.164
     * @param navigationUrl AMap navigation link to the station (GCJ-02 coordinates, riding mode)
     */
    record StationView(
            String code,
            String name,
            String hostType,
            String districtCode,
            String address,
            Point location,
            String contactPhone,
            String phoneUri,
            String openingHours,
            List<String> amenities,
            String status,
            boolean synthetic,
            String navigationUrl) {

        static StationView of(Station s) {
            return of(s.summary());
        }

        static StationView of(StationSummary s) {
            return new StationView(
                    s.code(),
                    s.name(),
                    s.hostType().name(),
                    s.districtCode(),
                    s.address(),
                    Point.of(s.location()),
                    s.contactPhone(),
                    "tel:" + s.contactPhone(),
                    s.openingHours().toString(),
                    s.amenities().stream().sorted().map(Amenity::name).toList(),
                    s.status().name(),
                    s.synthetic(),
                    StationViews.navigationUrl(s));
        }
    }

    /**
     * One answer of the nearest-station finder.
     *
     * @param distanceMetres great-circle distance, whole metres
     * @param walkingMinutes estimated, rounded up
     * @param eBikeMinutes   estimated, rounded up
     */
    record NearbyView(
            StationView station, long distanceMetres, long walkingMinutes, long eBikeMinutes, boolean openNow) {

        static NearbyView of(NearbyStation n) {
            return new NearbyView(
                    StationView.of(n.station()),
                    Math.round(n.distanceMetres()),
                    n.walkingMinutes(),
                    n.eBikeMinutes(),
                    n.openNow());
        }
    }

    /**
     * The finder's answer.
     *
     * @param query    the query point converted to WGS-84, with its district
     * @param stations nearest first
     */
    record NearestResponse(QueryView query, List<NearbyView> stations) {}

    /**
     * @param location     WGS-84
     * @param districtCode the district containing the point
     */
    record QueryView(Point location, String crs, String districtCode, String districtName) {}

    /**
     * AMap's URI API: navigation to a GCJ-02 point, riding mode, opening the app where installed.
     * See https://lbs.amap.com/api/uri-api/guide/travel/route.
     */
    static String navigationUrl(StationSummary s) {
        GeoPoint gcj = CoordinateTransform.fromWgs84(s.location(), CoordinateSystem.GCJ02);
        return "https://uri.amap.com/navigation?to=" + round(gcj.longitude()) + "," + round(gcj.latitude()) + ","
                + URLEncoder.encode(s.name(), StandardCharsets.UTF_8)
                + "&mode=ride&coordinate=gaode&callnative=1&src=nuanxin";
    }

    /** Six decimals of a degree are about 0.1 m: more only adds noise to the JSON. */
    static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
