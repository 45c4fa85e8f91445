package org.nuanxin.web.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A total deadline for receiving a request body ({@code nuanxin.http.body-deadline}, 120 s by default), counted from
 * the moment the request's headers have arrived, on the application clock.
 *
 * <p>Why a valve: Tomcat reads multipart uploads and form posts itself ({@code getParts()}, {@code getParameter()}),
 * from its own input buffer, so a wrapped servlet input stream would never see those reads; and the connector's
 * {@code server.tomcat.connection-timeout} (10 s) bounds only the silence before each read, so a signed-in client
 * sending one byte every 9 s held a worker thread for as long as it liked. Tomcat has no setting for the total time
 * of a body ({@code connectionUploadTimeout} is again a per-read timeout). This valve puts itself in front of the
 * request's input buffer for the duration of the request: every read of the body, by anyone, first checks the
 * deadline; once it has passed, the connection is closed at once ({@link ActionCode#CLOSE_NOW}: no answer, no
 * draining of the rest) and the read fails as a client abort, which frees the thread. The bound on a thread is
 * therefore the deadline plus at most one read timeout.
 *
 * <p>After the application has answered, a body it did not read to the end is not waited for: the connection is
 * closed once the answer is sent (see {@link #closeInsteadOfWaitingForTheRest}).
 *
 * <p>One WARN line without personal data (method and path, no query, no user, no address) per closed request.
 */
final class BodyDeadlineValve extends ValveBase {

    private static final Logger log = LoggerFactory.getLogger(BodyDeadlineValve.class);

    private final Duration deadline;
    private final Clock clock;

    BodyDeadlineValve(Duration deadline, Clock clock) {
        super(true);
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("nuanxin.http.body-deadline must be positive: " + deadline);
        }
        this.deadline = deadline;
        this.clock = clock;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        InputBuffer original = coyote.getInputBuffer();
        coyote.setInputBuffer(new Bounded(original, coyote, clock.instant().plus(deadline), request));
        try {
            getNext().invoke(request, response);
            closeInsteadOfWaitingForTheRest(request, response);
        } finally {
            // The input buffer belongs to the connection's processor and serves its next request: give it back.
            coyote.setInputBuffer(original);
        }
    }

    /**
     * An answer given before the whole body was read (a refusal: sign in first, too many uploads at once): sends the
     * answer now and tells the connector not to read the rest of the body, so it closes the connection once the
     * answer is out instead of waiting for a client that may never finish.
     *
     * <p>Left alone, Tomcat reads and drops (swallows) up to {@code server.tomcat.max-swallow-size} of the rest
     * before closing, waiting up to the read timeout (10 s) for each read; it skips that only after the statuses that
     * drop the connection (400, 408, 411, 413, 414, 500, 501, 503). 200 anonymous uploads sending a byte every 9 s
     * each held a worker thread that long after their answer, and the health probe stalled for 8–16 s
     * (docs/PERFORMANCE.md §8). This does for every early answer what Tomcat does for those statuses.
     */
    private static void closeInsteadOfWaitingForTheRest(Request request, Response response) {
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        if (coyote.isFinished()) {
            return;
        }
        try {
            // Sent first: the connector marks an answer still unsent when told to close as a failure (500).
            if (!response.isCommitted()) {
                response.setHeader("Connection", "close");
            }
            response.flushBuffer();
        } catch (IOException clientGone) {
            // The connection is closed either way.
        }
        coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }

    /** The connection's input buffer, checking the deadline before every read. */
    private final class Bounded implements InputBuffer {
        private final InputBuffer delegate;
        private final org.apache.coyote.Request coyote;
        private final Instant until;
        private final Request request;
        private boolean cut;

        Bounded(InputBuffer delegate, org.apache.coyote.Request coyote, Instant until, Request request) {
            this.delegate = delegate;
            this.coyote = coyote;
            this.until = until;
            this.request = request;
        }

        @Override
        public int doRead(ApplicationBufferHandler handler) throws IOException {
            if (!clock.instant().isBefore(until)) {
                if (cut) {
                    throw new BodyTooSlowException(deadline);
                }
                cut = true; // one line per request: the reader may try again after the first failure
                log.warn(
                        "Request body not received within {} s: connection closed ({} {})",
                        deadline.toSeconds(),
                        request.getMethod(),
                        request.getRequestURI());
                IOException late = new BodyTooSlowException(deadline);
                coyote.action(ActionCode.CLOSE_NOW, late);
                throw late;
            }
            return delegate.doRead(handler);
        }

        @Override
        public int available() {
            return delegate.available();
        }
    }

    /** The body did not arrive in time; thrown from a read, without a stack trace (it is the client's doing). */
    static final class BodyTooSlowException extends IOException {
        BodyTooSlowException(Duration deadline) {
            super("request body not received within " + deadline.toSeconds() + " s");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
