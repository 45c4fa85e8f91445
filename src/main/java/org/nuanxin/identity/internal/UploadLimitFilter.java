package org.nuanxin.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers an upload over the container's limit ({@code spring.servlet.multipart.max-request-size} and
 * {@code max-file-size}) with 413 — the friendly, localised {@code error/413} page for a person, an RFC 9457 problem
 * for the API — and one WARN line without personal data, instead of Tomcat's English page and stack traces.
 *
 * <p>Placed after {@link SignInAgain} (anonymous uploads are refused there, unread) and before the CSRF filter (which
 * would make the container parse the upload by asking for a parameter, and throw). A declared
 * {@code Content-Length} over the request limit is refused before the body is read; otherwise the parts are parsed
 * here, once, and a size limit hit while parsing (a file over {@code max-file-size}, or a chunked body over the
 * request limit) is refused the same way.
 *
 * <p>Before answering, the rest of the body is read and dropped, up to {@link #DRAIN_LIMIT}: the connector would
 * read only {@code server.tomcat.max-swallow-size} (64 KB) more and then close a connection whose client is still
 * sending, and the client (a browser, Java's HTTP client) then sees a reset instead of the page. Only signed-in
 * clients get here, and the connector's 10 s silence cut still applies while the body is read; a body declared over
 * the drain limit is answered at once and the connection closed.
 *
 * <p>An account uploads at most {@link #UPLOADS_PER_ACCOUNT} bodies at a time: a further upload is answered 429 at
 * once, unread, with {@code Connection: close}. The body deadline ({@code nuanxin.http.body-deadline}) bounds how long
 * one slow upload holds a worker thread; this bounds how many one signed-in client can hold (200 slow uploads of one
 * session took every worker thread until the deadline, and the health probe timed out: docs/PERFORMANCE.md §8).
 * The state is one counter per account uploading now, removed when it returns to zero.
 *
 * <p>A form ({@code application/x-www-form-urlencoded}, such as a block's pasted boundary WKT) over the container's
 * form limit ({@code server.tomcat.max-http-form-post-size}) gets the same 413 page and one WARN line: a declared
 * {@code Content-Length} over it is refused before the parameters are parsed, a chunked one when parsing it here
 * reaches the limit. (Tomcat would otherwise throw from the CSRF filter's first look at a parameter, and again while
 * drawing the error page: its English page and two stack traces.) A form is refused whoever sends it, signed in or
 * not (the sign-in form is public).
 */
final class UploadLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UploadLimitFilter.class);

    /** The most of a refused upload read so that its client sees the 413 page, not a reset connection: 128 MB. */
    static final long DRAIN_LIMIT = 128L * 1024 * 1024;

    /** Uploads one account may send at the same time (a roster and a second tab); more get 429. */
    static final int UPLOADS_PER_ACCOUNT = 2;

    private final long maxRequestSize;
    private final long maxFileSize;
    private final long maxFormSize;
    private final ApiProblemWriter problems;
    private final ConcurrentHashMap<String, AtomicInteger> uploading = new ConcurrentHashMap<>();

    /**
     * @param maxRequestSize {@code spring.servlet.multipart.max-request-size} in bytes (negative: no limit)
     * @param maxFileSize {@code spring.servlet.multipart.max-file-size} in bytes (negative: no limit)
     * @param maxFormSize {@code server.tomcat.max-http-form-post-size} in bytes (negative: no limit)
     */
    UploadLimitFilter(long maxRequestSize, long maxFileSize, long maxFormSize, ApiProblemWriter problems) {
        this.maxRequestSize = maxRequestSize;
        this.maxFileSize = maxFileSize;
        this.maxFormSize = maxFormSize;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && "POST".equals(request.getMethod())) {
            checkFormAndContinue(request, response, chain);
            return;
        }
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (maxRequestSize >= 0 && length > maxRequestSize) {
            refuse(request, response, length);
            return;
        }
        String account = signedInAccount();
        if (account == null) {
            account = ""; // not reached: SignInAgain refuses anonymous uploads before this filter
        }
        AtomicInteger mine = uploading.compute(account, (k, v) -> {
            AtomicInteger counter = v == null ? new AtomicInteger() : v;
            counter.incrementAndGet();
            return counter;
        });
        try {
            if (mine.get() > UPLOADS_PER_ACCOUNT) {
                log.warn(
                        "Upload refused with 429: this account is already uploading {} files ({} {})",
                        UPLOADS_PER_ACCOUNT,
                        request.getMethod(),
                        request.getRequestURI());
                response.setHeader("Connection", "close");
                response.setHeader("Retry-After", "60");
                response.sendError(429);
                return;
            }
            parseAndContinue(request, response, chain, length);
        } finally {
            uploading.computeIfPresent(account, (k, v) -> v.decrementAndGet() <= 0 ? null : v);
        }
    }

    private void checkFormAndContinue(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (maxFormSize >= 0 && length > maxFormSize) {
            refuseForm(request, response, length);
            return;
        }
        if (maxFormSize >= 0 && length < 0) {
            // A chunked form: its size is known only once read. Parse it here (the CSRF filter would next).
            try {
                request.getParameterNames();
            } catch (InvalidParameterException e) {
                if (isClientAbort(e)) {
                    return;
                }
                if (e.getErrorCode() != HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
                    throw e;
                }
                refuseForm(request, response, length);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuseForm(HttpServletRequest request, HttpServletResponse response, long length) throws IOException {
        // One line, no stack trace, no parameter (a form may hold personal data); the path without its query.
        log.warn(
                "Form refused with 413: {} bytes declared, over the container's form limit"
                        + " (server.tomcat.max-http-form-post-size, {} bytes) ({} {})",
                length < 0 ? "unknown" : Long.toString(length),
                maxFormSize,
                request.getMethod(),
                request.getRequestURI());
        if (signedInAccount() == null) {
            // Anyone may post the sign-in form: an anonymous body is not read on (up to the drain limit) to show
            // the page; the connection is closed after the answer instead.
            response.setHeader("Connection", "close");
            sendTooLarge(request, response);
            return;
        }
        answerTooLarge(request, response, length);
    }

    /**
     * The signed-in account's name, from Spring Security's context: this filter runs before the filter that makes
     * {@code request.getUserPrincipal()} answer it (that is null here, so all accounts counted as one).
     */
    /**
     * @return whom the upload counts against: the staff username, or for a worker their mobile number (every worker's
     *     principal is named {@link WorkerPrincipal#NAME}, so the name alone would put all riders on one counter); a
     *     key of this in-memory map only, never logged
     */
    static @Nullable String signedInAccount() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return org.nuanxin.identity.CurrentWorker.of(auth)
                .map(w -> "worker " + w.mobile())
                .orElse(auth.getName());
    }

    private void parseAndContinue(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, long length)
            throws ServletException, IOException {
        try {
            // The container parses every part up to the request's ceiling (MultipartConfiguration), so the whole body
            // has been read when a part is found over the per-file limit here: the 413 then goes out on a connection
            // with nothing left unread. (A per-file limit enforced by the container stopped reading in the middle of
            // the body, and the client saw a reset connection instead of the page.)
            for (jakarta.servlet.http.Part part : request.getParts()) {
                if (maxFileSize >= 0 && part.getSize() > maxFileSize) {
                    refuse(request, response, length);
                    return;
                }
            }
        } catch (IllegalStateException | IOException | ServletException e) {
            if (isClientAbort(e)) {
                // The client went away, or was cut off at the body deadline (nuanxin.http.body-deadline, which logs
                // its own line): the connection is closed, nobody is there to answer, and no stack trace is logged.
                return;
            }
            if (!isSizeLimit(e)) {
                throw e;
            }
            refuse(request, response, length);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long length) throws IOException {
        // One line, no stack trace; the path without its query, no user name, no file name.
        log.warn(
                "Upload refused with 413: {} bytes declared, over the container's limits ({} bytes a request, {} a"
                        + " file) ({} {})",
                length < 0 ? "unknown" : Long.toString(length),
                maxRequestSize,
                maxFileSize,
                request.getMethod(),
                request.getRequestURI());
        answerTooLarge(request, response, length);
    }

    private void answerTooLarge(HttpServletRequest request, HttpServletResponse response, long length)
            throws IOException {
        drain(request, response, length);
        sendTooLarge(request, response);
    }

    private void sendTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (SignInAgain.isApi(request)) {
            problems.tooLarge(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
    }

    private static void drain(HttpServletRequest request, HttpServletResponse response, long length) {
        if (length > DRAIN_LIMIT) {
            response.setHeader("Connection", "close");
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try (var in = request.getInputStream()) {
            int n;
            while (read <= DRAIN_LIMIT && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the stream is gone: answer anyway, the connector closes the connection.
            response.setHeader("Connection", "close");
            return;
        }
        if (read > DRAIN_LIMIT) {
            response.setHeader("Connection", "close");
        }
    }

    private static boolean isClientAbort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientAbortException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SizeException) {
                return true;
            }
        }
        return false;
    }
}
