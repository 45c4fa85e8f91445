package org.nuanxin.geo;

import org.jspecify.annotations.Nullable;

/**
 * Which coordinate system a browser's {@code navigator.geolocation} answers in, as far as the page can tell from the
 * User-Agent. The W3C Geolocation API specifies WGS-84, and Chromium, Firefox and Safari (iOS WeChat included, which
 * uses the system WebView) follow it. WeChat's own Android browser (X5/XWeb, User-Agent with {@code MicroMessenger} and
 * {@code Android}) has been publicly reported to answer in GCJ-02, about 500 m off in Chongqing; it is treated as
 * GCJ-02. This is a guess from public reports, not a guarantee, so the page shows the point it searched from and the
 * rider can move it; a link's own {@code crs} parameter always wins. Shared by every page that asks the phone for its
 * position (the station finder, hazard reports, grid enrolment).
 */
public final class BrowserPositions {

    private BrowserPositions() {}

    /** @return whether the page is open in WeChat's in-app browser */
    public static boolean isWeChat(@Nullable String userAgent) {
        return userAgent != null && userAgent.contains("MicroMessenger");
    }

    /** @return the system the browser's position is taken to be in: GCJ-02 for WeChat on Android, else WGS-84 */
    public static CoordinateSystem system(@Nullable String userAgent) {
        return isWeChat(userAgent) && userAgent.contains("Android") ? CoordinateSystem.GCJ02 : CoordinateSystem.WGS84;
    }
}
