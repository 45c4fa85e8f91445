package org.nuanxin.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Prepares the container's error dispatch (to {@code /error}) so that the error page is what a person expects:
 *
 * <ul>
 *   <li><b>HTML for pages.</b> A 403 or 404 of a page outside the API ({@code /api/**}, {@code /actuator/**},
 *       {@code /v3/api-docs}) is the HTML error page whatever the {@code Accept} header says (curl sends
 *       {@code *}{@code /*}), unless the client asks for JSON ({@code Accept} naming a JSON type and not
 *       {@code text/html}). The API keeps its JSON.
 *   <li><b>No second look at an upload.</b> The error page of a multipart request (an upload over the limit) never
 *       reads its body: the request no longer says it is multipart and has no parameters or parts, so neither
 *       Spring MVC nor Spring Security makes the container parse, fail and throw again while the page is drawn
 *       (that left an empty 413 or Tomcat's own English page and a stack trace in the log). Likewise the error page
 *       of any 413 (a form over the container's form limit): its parameters were refused, and asking for one would
 *       make the container parse and throw again.
 * </ul>
 *
 * Registered for the {@code ERROR} dispatch only.
 */
final class ErrorDispatchFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new ErrorPageRequest(request), response);
    }

    /** @return whether this path is a program's (the API, actuator, OpenAPI), whose errors are JSON */
    static boolean isProgramPath(@Nullable String path) {
        return path != null
                && (path.startsWith("/api/")
                        || path.equals("/api")
                        || path.startsWith("/actuator")
                        || path.startsWith("/v3/api-docs"));
    }

    /** @return whether the Accept header asks for JSON and not HTML */
    static boolean asksForJson(@Nullable String accept) {
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains("json") && !a.contains("text/html");
    }

    private static final class ErrorPageRequest extends HttpServletRequestWrapper {

        private final boolean multipart;
        private final @Nullable String accept;

        ErrorPageRequest(HttpServletRequest request) {
            super(request);
            String type = request.getContentType();
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            // "multipart" stands for any body the error page must not look at: an upload, or a refused (413) body.
            this.multipart = (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/"))
                    || (status instanceof Integer code && code == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            String original = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            String path = original == null
                    ? null
                    : original.substring(
                            Math.min(original.length(), request.getContextPath().length()));
            String asked = request.getHeader("Accept");
            this.accept = isProgramPath(path) || asksForJson(asked) ? asked : "text/html";
        }

        @Override
        public @Nullable String getHeader(String name) {
            if ("Accept".equalsIgnoreCase(name)) {
                return accept;
            }
            if (multipart && "Content-Type".equalsIgnoreCase(name)) {
                return null;
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if ("Accept".equalsIgnoreCase(name)) {
                return accept == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(accept));
            }
            if (multipart && "Content-Type".equalsIgnoreCase(name)) {
                return Collections.emptyEnumeration();
            }
            return super.getHeaders(name);
        }

        @Override
        public @Nullable String getContentType() {
            return multipart ? null : super.getContentType();
        }

        @Override
        public @Nullable String getParameter(String name) {
            return multipart ? null : super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return multipart ? Map.of() : super.getParameterMap();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return multipart ? Collections.emptyEnumeration() : super.getParameterNames();
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return multipart ? null : super.getParameterValues(name);
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            return multipart ? List.of() : super.getParts();
        }

        @Override
        public @Nullable Part getPart(String name) throws IOException, ServletException {
            return multipart ? null : super.getPart(name);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (multipart) {
                throw new IOException("the error page does not read the body of an upload");
            }
            return super.getInputStream();
        }
    }
}
