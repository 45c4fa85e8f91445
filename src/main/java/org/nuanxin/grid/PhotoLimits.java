package org.nuanxin.grid;

/**
 * Limits that keep one photo upload from exhausting the server ({@code nuanxin.grid.photos.*}).
 *
 * @param maxBytes  largest accepted file, in bytes (default 10 MiB: a 48-megapixel phone JPEG is 5–8 MB)
 * @param maxPixels most pixels (width × height, read from the header before decoding; default 40,000,000, above
 *                  the 12–24 MP of a phone's main camera and far below what would exhaust the heap)
 * @param maxEdge   longest edge of the stored photo, in pixels (default 2048: a road hazard stays legible on a
 *                  staff screen, and a stored photo is about 0.3–1 MB)
 * @throws IllegalArgumentException if a limit is not positive
 */
public record PhotoLimits(long maxBytes, long maxPixels, int maxEdge) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    public static final int DEFAULT_MAX_EDGE = 2048;

    public PhotoLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || maxEdge <= 0) {
            throw new IllegalArgumentException("photo limits must be positive");
        }
    }

    public static PhotoLimits defaults() {
        return new PhotoLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_MAX_EDGE);
    }
}
