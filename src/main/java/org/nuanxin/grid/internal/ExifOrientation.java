package org.nuanxin.grid.internal;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EXIF orientation (TIFF tag 0x0112, values 1–8) of a JPEG or WebP, and turning pixels so that the image shows
 * the way the camera meant it without the tag. Browsers apply the tag to JPEG and WebP ("image-orientation:
 * from-image" is their default); a PNG's eXIf chunk is not read: phones' PNGs are screenshots, stored upright.
 */
final class ExifOrientation {

    static final int NORMAL = 1;

    private static final Logger log = LoggerFactory.getLogger(ExifOrientation.class);

    private ExifOrientation() {}

    /**
     * @return 1–8, or 1 ({@link #NORMAL}) when there is no EXIF, no orientation tag, or the EXIF cannot be read (a
     *     damaged EXIF block does not make the picture unusable)
     */
    static int read(byte[] bytes, ImageKind kind) {
        try {
            Metadata metadata = switch (kind) {
                // Only the EXIF segments: no XMP, ICC or comment parsing for a tag we do not keep.
                case JPEG ->
                    JpegMetadataReader.readMetadata(new ByteArrayInputStream(bytes), List.of(new ExifReader()));
                case WEBP -> WebpMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
                default -> new Metadata();
            };
            for (ExifIFD0Directory ifd0 : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                Integer value = ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
                if (value != null) {
                    return value >= 1 && value <= 8 ? value : NORMAL;
                }
            }
        } catch (Exception | StackOverflowError e) {
            log.debug("EXIF of an uploaded {} not readable, orientation taken as normal: {}", kind, e.toString());
        }
        return NORMAL;
    }

    /**
     * @param image       an RGB image as stored
     * @param orientation 1–8
     * @return the image as it is meant to be seen (width and height swapped for 5–8); the same image for 1
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation == NORMAL) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        // Maps a stored pixel (x, y) to where it is seen: x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12.
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored left to right
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // turned 180°
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored top to bottom
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // to be turned 90° clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // to be turned 90° anticlockwise
            default -> throw new IllegalArgumentException("EXIF orientation " + orientation);
        };
        BufferedImage upright = new BufferedImage(
                swaps ? h : w, swaps ? w : h, image.getType() == 0 ? BufferedImage.TYPE_INT_RGB : image.getType());
        Graphics2D g = upright.createGraphics();
        try {
            // Quarter turns and mirrors map pixels onto pixels: nearest neighbour keeps them exact.
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return upright;
    }
}
