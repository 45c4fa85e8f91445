package org.nuanxin.grid;

import java.util.Arrays;

/**
 * A photo as {@link PhotoIntake} stores it: re-encoded, upright, without metadata.
 *
 * @param bytes       the encoded image (a copy is kept and handed out, so the record cannot be changed)
 * @param contentType its media type, {@value #JPEG} (the only one produced so far)
 * @param width       width in pixels, after the EXIF orientation was applied
 * @param height      height in pixels, after the EXIF orientation was applied
 */
public record SanitizedPhoto(byte[] bytes, String contentType, int width, int height) {

    /** The media type of every photo the intake produces. */
    public static final String JPEG = "image/jpeg";

    public SanitizedPhoto {
        bytes = bytes.clone();
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a photo has a positive size");
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Its size in bytes, without copying the content. */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SanitizedPhoto p
                && Arrays.equals(bytes, p.bytes)
                && contentType.equals(p.contentType)
                && width == p.width
                && height == p.height;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + contentType.hashCode() + 17 * width + height;
    }

    @Override
    public String toString() {
        return "SanitizedPhoto[" + contentType + ", " + width + "x" + height + ", " + bytes.length + " bytes]";
    }
}
