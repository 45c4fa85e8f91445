package org.nuanxin.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a person without a (valid) session to the sign-in page, in the form each client understands:
 * the API gets its JSON 401, an htmx background request a 401 with {@code HX-Redirect} (htmx then
 * loads the sign-in page as a whole page instead of inserting it into the current one), a browser a
 * redirect to a relative {@code /login} URL (never built from the Host header).
 *
 * <p>As a filter placed before the CSRF filter it refuses every request with a body that an anonymous
 * client sends to a path that is not public, <b>before the body is read</b>: the CSRF filter would
 * otherwise look for the token among the parameters, which makes the container parse (and spool to
 * disk) a whole multipart upload first. The answer closes the connection, so the container does not
 * drain the rest of the body either. A stale console form (the session ended) lands on the sign-in
 * page with "page expired" and, after signing in, on the page it came from. A worker page (rule
 * {@code WORKER}) sends to the worker sign-in {@code /m/signin}, with the page as {@code next} for a GET.
 */
final class SignInAgain extends OncePerRequestFilter {

    static final String EXPIRED = "/login?expired";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ApiProblemWriter problems;
    private final ConsoleReturnCookie returnCookie;

    SignInAgain(ApiProblemWriter problems, ConsoleReturnCookie returnCookie) {
        this.problems = problems;
        this.returnCookie = returnCookie;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || signedIn() || isPublic(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (hasBody(request)) {
            // Tomcat closes instead of reading (swallowing) the rest of a body it was told to drop.
            response.setHeader("Connection", "close");
        }
        if (!isApi(request) && !isHtmx(request) && !AccessRules.isWorkerPath(request)) {
            returnCookie.rememberReferer(request, response);
        }
        answer(request, response, null, true);
    }

    /** The authentication entry point: the same answers for a request that needs a signed-in user. */
    void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        answer(request, response, ex, false);
    }

    private void answer(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException ex, boolean expired)
            throws IOException {
        if (isApi(request)) {
            problems.unauthorized(request, response, ex);
        } else if (AccessRules.isWorkerPath(request)) {
            // Worker pages: the worker sign-in (mobile and one-time code), never the staff one.
            String target = request.getContextPath() + WorkerNext.signInFor(request, expired);
            if (isHtmx(request)) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader("HX-Redirect", target);
            } else {
                response.setStatus(HttpServletResponse.SC_FOUND);
                response.setHeader("Location", target);
            }
        } else if (isHtmx(request)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", request.getContextPath() + EXPIRED);
        } else {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + (expired ? EXPIRED : "/login"));
        }
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private static boolean isPublic(HttpServletRequest request) {
        return AccessRules.ruleFor(request)
                .map(r -> r.access() == AccessRules.Access.PUBLIC)
                .orElse(false);
    }

    private static boolean hasBody(HttpServletRequest request) {
        String type = request.getContentType();
        return request.getContentLengthLong() > 0
                || request.getHeader("Transfer-Encoding") != null
                || (type != null && type.startsWith("multipart/"));
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }
}
