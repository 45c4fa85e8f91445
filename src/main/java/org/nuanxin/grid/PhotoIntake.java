package org.nuanxin.grid;

import java.io.InputStream;

/**
 * Takes in a photo a rider attaches to a hazard report and returns a clean copy to store. Inject the Spring bean,
 * configured by {@code nuanxin.grid.photos.*} ({@link PhotoLimits}).
 *
 * <ul>
 *   <li>The format is read from the content (magic bytes), never from the file name or the declared type: JPEG, PNG
 *       and WebP (lossy, lossless, extended) are accepted; HEIC/HEIF (iPhone) and AVIF are refused with advice on
 *       what to send instead; anything else (a script, HTML, a PDF, a GIF, random bytes) is refused naming what it
 *       is.
 *   <li>At most {@link PhotoLimits#maxBytes()} bytes are read from the stream; the width and height are read from the
 *       image header and checked against {@link PhotoLimits#maxPixels()} before any pixel is decoded, so a
 *       decompression bomb (a 20,000 × 20,000 PNG of a few KB) never gets a raster.
 *   <li>The result is always a new baseline JPEG (transparent areas on white): the EXIF orientation (1–8) of a JPEG
 *       or WebP is applied to the pixels, and nothing of the original's metadata is kept (EXIF with GPS position,
 *       phone make and model, XMP, ICC profile, comments, thumbnails). Its longer edge is at most
 *       {@link PhotoLimits#maxEdge()} pixels; smaller photos keep their size.
 * </ul>
 */
public interface PhotoIntake {

    /** The form field and the {@link org.nuanxin.kernel.FieldProblem#field()} of every refusal. */
    String FIELD = "photo";

    /**
     * @param in the uploaded content; read up to the byte limit (plus one byte to tell it is over) and not closed
     * @return the re-encoded photo, image/jpeg
     * @throws PhotoRejectedException with a {@link PhotoRejectedException.Reason} and one problem on {@link #FIELD}
     *     whose message code ({@code grid.photo.*}, in messages/grid*.properties) tells the rider what was wrong
     */
    SanitizedPhoto accept(InputStream in);
}
