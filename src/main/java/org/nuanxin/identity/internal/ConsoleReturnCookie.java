package org.nuanxin.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * Remembers the console page a person wanted before signing in, in a small cookie instead of the
 * session: an anonymous request never creates a session. Only a browser's GET of a console page is
 * remembered (never an icon, a robots or manifest fetch, an htmx fragment, an API call, or data such as
 * {@code /console/grid/reports.geojson} or an {@code .xlsx} export: see {@link #isPage}), as a
 * relative path of at most {@value #MAX_LENGTH} characters, so the redirect after sign-in can only
 * go back into this application's console, whatever Host header a client sent.
 */
final class ConsoleReturnCookie implements RequestCache {

    static final String NAME = "NX_RETURN";
    static final int MAX_LENGTH = 512;
    private static final int MAX_AGE_SECONDS = 1800;

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        if (HttpMethod.GET.matches(request.getMethod())
                && request.getHeader("HX-Request") == null
                && isPage(pathWithinApplication(request), request.getHeader("Accept"))) {
            String query = request.getQueryString();
            remember(pathWithinApplication(request) + (query == null ? "" : "?" + query), request, response);
        }
    }

    /**
     * Whether a GET is for a page a person should land on after signing in, not data: never a file
     * ({@code reports.geojson}, {@code export.xlsx}, {@code template.xlsx}: a last path segment with an extension)
     * nor a script's fetch asking for something other than HTML ({@code Accept: application/geo+json}, as the
     * console maps' layers do). A browser's navigation (Accept naming {@code text/html}) or a request without an
     * Accept header is a page.
     *
     * @param path the path within the application, without the query
     * @param accept the request's Accept header, or null
     */
    static boolean isPage(String path, @Nullable String accept) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".")) {
            return false;
        }
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String a = accept.toLowerCase(java.util.Locale.ROOT);
        return a.contains("text/html") || a.contains("application/xhtml+xml") || a.contains("*/*");
    }

    /**
     * Remembers the page a stale form was on (its same-origin Referer), for a POST refused because the
     * session ended.
     */
    void rememberReferer(HttpServletRequest request, HttpServletResponse response) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return;
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (path != null && path.startsWith(request.getContextPath())) {
                path = path.substring(request.getContextPath().length());
                remember(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), request, response);
            }
        } catch (IllegalArgumentException notAUri) {
            // nothing to remember
        }
    }

    private void remember(String target, HttpServletRequest request, HttpServletResponse response) {
        if (!isConsolePath(target) || target.length() > MAX_LENGTH) {
            return;
        }
        Cookie cookie = new Cookie(NAME, URLEncoder.encode(target, StandardCharsets.UTF_8));
        cookie.setPath(cookiePath(request));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(MAX_AGE_SECONDS);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    static boolean isConsolePath(@Nullable String target) {
        return target != null
                && (target.equals("/console") || target.startsWith("/console/") || target.startsWith("/console?"))
                && !target.contains("//")
                && !target.contains("\\")
                && target.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
    }

    @Override
    public @Nullable SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                String target;
                try {
                    target = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException bad) {
                    return null;
                }
                return isConsolePath(target)
                                && target.length() <= MAX_LENGTH
                                // A cookie set before data URLs were left out still never leads to a download.
                                && isPage(target.split("\\?", 2)[0], null)
                        ? new SimpleSavedRequest(request.getContextPath() + target)
                        : null;
            }
        }
        return null;
    }

    @Override
    public @Nullable HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() == null) {
            return;
        }
        for (Cookie c : request.getCookies()) {
            if (NAME.equals(c.getName())) {
                Cookie cookie = new Cookie(NAME, "");
                cookie.setPath(cookiePath(request));
                cookie.setMaxAge(0);
                cookie.setHttpOnly(true);
                cookie.setSecure(request.isSecure());
                response.addCookie(cookie);
                return;
            }
        }
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String cookiePath(HttpServletRequest request) {
        String path = request.getContextPath();
        return path.isEmpty() ? "/" : path;
    }
}
