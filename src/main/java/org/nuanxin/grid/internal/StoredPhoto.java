package org.nuanxin.grid.internal;

/**
 * A photo attached to a report ({@code grid_report_photo}), without its content.
 *
 * @param key         the public key (UUID) in its URL, {@code /m/reports/photos/{key}}
 * @param reportId    the report
 * @param role        {@code REPORT} (the reporter's), {@code FOLLOW} (a follower's) or {@code FIX} (the fixer's)
 * @param contentType always {@code image/jpeg} (re-encoded by {@link org.nuanxin.grid.PhotoIntake})
 * @param width       pixels
 * @param height      pixels
 * @param size        bytes
 */
public record StoredPhoto(String key, long reportId, String role, String contentType, int width, int height, int size) {

    /** The content of a stored photo, to serve. */
    public record Content(StoredPhoto photo, byte[] bytes) {}
}
