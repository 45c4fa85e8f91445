package org.nuanxin.grid.open311;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * An Open311 request refused with one of the standard's errors: an HTTP status (400, 403, 404, 405, 413, 415) and a
 * description, the message {@code code} of messages/grid*.properties with its arguments (what the client sent, never
 * personal data), answered as {@code [{"code":400,"description":"…"}]} or
 * {@code <errors><error><code>400</code><description>…</description></error></errors>}.
 */
class Open311Exception extends RuntimeException implements MessageSourceResolvable {

    private final HttpStatus status;
    private final String code;
    private final Object[] args;

    Open311Exception(HttpStatus status, String code, Object... args) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.args = args.clone();
    }

    HttpStatus status() {
        return status;
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args.clone();
    }

    @Override
    public String getDefaultMessage() {
        return code;
    }

    static Open311Exception badFormat(String extension) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, "grid.open311.error.format", shorten(extension));
    }

    static Open311Exception badRequest(String code, Object... args) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, code, args);
    }

    static Open311Exception notFound(String code, Object... args) {
        return new Open311Exception(HttpStatus.NOT_FOUND, code, args);
    }

    /** @return what a client sent, cut to 64 characters, to quote in an error */
    static String shorten(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
