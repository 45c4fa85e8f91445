package org.nuanxin.grid;

import org.nuanxin.kernel.InvalidInputException;

/**
 * A photo {@link PhotoIntake} refuses. It is an {@link InvalidInputException} with one problem on
 * {@link PhotoIntake#FIELD}, so the JSON API answers 400 with the code and its text, and a form shows the text
 * beside the photo field. The code is a key of messages/grid*.properties ({@code grid.photo.*}); its arguments are
 * numbers (limits, sizes), never the file's content or name.
 */
public class PhotoRejectedException extends InvalidInputException {

    /** Why the photo was refused. */
    public enum Reason {
        /** No bytes at all. */
        EMPTY,
        /** More bytes than {@link PhotoLimits#maxBytes()}. */
        TOO_LARGE,
        /** Width × height above {@link PhotoLimits#maxPixels()}, by the header; nothing was decoded. */
        TOO_MANY_PIXELS,
        /** HEIC/HEIF (an iPhone's "High Efficiency" photo) or AVIF: no decoder here; the message says what to do. */
        HEIF,
        /** Not an image we take: the code names what it is (PDF, HTML, text, GIF, video, …) when known. */
        NOT_A_PHOTO,
        /** Starts like a JPEG, PNG or WebP but cannot be read (truncated, damaged, or built to exhaust the decoder). */
        CORRUPT
    }

    private final Reason reason;

    /**
     * @param code a {@code grid.photo.*} message key
     * @param args its arguments ({0}, {1}, …): numbers only
     */
    public PhotoRejectedException(Reason reason, String code, Object... args) {
        super(PhotoIntake.FIELD, code, args);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The message key, e.g. {@code grid.photo.heic}. */
    public String code() {
        return errors().get(0).code();
    }
}
