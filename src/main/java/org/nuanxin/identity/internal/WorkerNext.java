package org.nuanxin.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a worker goes after signing in: the {@code next} parameter, accepted only as a path of this application's
 * worker pages ({@code /m/...}, at most {@value #MAX_LENGTH} characters). Anything else (another host,
 * {@code //host}, a backslash, a dot segment that would climb out of {@code /m/} once the browser resolves it,
 * control characters) gives the default page, so a link cannot use the sign-in to send a worker elsewhere.
 */
final class WorkerNext {

    static final String DEFAULT = "/m/me";
    static final String SIGN_IN = "/m/signin";
    static final int MAX_LENGTH = 512;

    private WorkerNext() {}

    /** @return {@code next} when it is a safe worker path, else {@link #DEFAULT} */
    static String orDefault(@Nullable String next) {
        return isSafe(next) ? next : DEFAULT;
    }

    /** @return whether {@code next} is a relative path under {@code /m/} that stays there when resolved */
    static boolean isSafe(@Nullable String next) {
        if (next == null || next.length() > MAX_LENGTH || !next.startsWith("/m/")) {
            return false;
        }
        if (next.contains("//") || next.contains("\\") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return false;
        }
        int end = next.length();
        for (char stop : new char[] {'?', '#'}) {
            int i = next.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String path = next.substring(0, end).toLowerCase(Locale.ROOT);
        // Browsers resolve "." and ".." segments, also written %2e (WHATWG URL: "single/double-dot segments").
        if (path.contains("%2e") || path.contains("%2f") || path.contains("%5c")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The sign-in page for a request of a worker page: with the page as {@code next} when it is a GET of a safe path,
     * else plain ({@code ?expired} for a form sent without a session).
     */
    static String signInFor(HttpServletRequest request, boolean expired) {
        if (expired) {
            return SIGN_IN + "?expired";
        }
        String query = request.getQueryString();
        String target =
                request.getRequestURI().substring(request.getContextPath().length())
                        + (query == null ? "" : "?" + query);
        return isSafe(target) ? SIGN_IN + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8) : SIGN_IN;
    }
}
