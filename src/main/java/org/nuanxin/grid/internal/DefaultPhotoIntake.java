package org.nuanxin.grid.internal;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.nuanxin.grid.PhotoIntake;
import org.nuanxin.grid.PhotoLimits;
import org.nuanxin.grid.PhotoRejectedException;
import org.nuanxin.grid.PhotoRejectedException.Reason;
import org.nuanxin.grid.SanitizedPhoto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The photo intake with Java's ImageIO: the JDK's JPEG and PNG readers, TwelveMonkeys' WebP reader (created
 * directly, so it works whatever class loader ImageIO's registry saw first), the JDK's JPEG writer.
 *
 * <p>Memory per photo: the upload (at most max-bytes), the decoded raster and the stored-size copy. The raster is
 * bounded twice: the header's width × height must be within max-pixels, and the reader skips rows and columns
 * (source subsampling by a whole factor) so that the decoded raster's longer edge stays below twice max-edge: at
 * most 4096 × 4096 × 4 bytes = 64 MiB with the defaults, whatever the photo's resolution. TwelveMonkeys' lossy
 * WebP (VP8) decoder is the slow one: about 0.15 s and 80 MB of short-lived garbage per megapixel on a 2-core
 * machine (a 5 MP WebP decodes within a 64 MB heap), so a 40 MP WebP takes some seconds; phones send JPEG.
 */
final class DefaultPhotoIntake implements PhotoIntake {

    /** JPEG quality of the stored photo: text on a sign and cracks in asphalt stay sharp at about a third of q 1.0. */
    static final float JPEG_QUALITY = 0.85f;

    /**
     * Most start-of-scan markers in a JPEG. A progressive photo has about 10; each scan makes the decoder go over
     * the whole image again, so thousands of tiny scans would hold a CPU for minutes (libjpeg-turbo's djpeg
     * suggests the same bound of 100 with -maxscans).
     */
    static final int MAX_JPEG_SCANS = 100;

    private static final Logger log = LoggerFactory.getLogger(DefaultPhotoIntake.class);
    private static final int MEBIBYTE = 1024 * 1024;
    private static final WebPImageReaderSpi WEBP = new WebPImageReaderSpi();

    private final PhotoLimits limits;

    DefaultPhotoIntake(PhotoLimits limits) {
        this.limits = limits;
    }

    @Override
    public SanitizedPhoto accept(InputStream in) {
        byte[] bytes = readBounded(in);
        ImageKind kind = ImageKind.of(bytes);
        if (!kind.accepted()) {
            throw refusal(kind);
        }
        if (kind == ImageKind.JPEG && scans(bytes) > MAX_JPEG_SCANS) {
            throw new PhotoRejectedException(Reason.CORRUPT, "grid.photo.corrupt");
        }
        BufferedImage decoded = decode(bytes, kind);
        int orientation = ExifOrientation.read(bytes, kind);
        BufferedImage upright = ExifOrientation.apply(toStoredSize(decoded), orientation);
        return new SanitizedPhoto(jpeg(upright), SanitizedPhoto.JPEG, upright.getWidth(), upright.getHeight());
    }

    /** Reads at most max-bytes, and one byte more to know that there is more. */
    private byte[] readBounded(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("photo upload not readable", e);
        }
        if (bytes.length > limits.maxBytes()) {
            throw new PhotoRejectedException(Reason.TOO_LARGE, "grid.photo.tooLarge", mebibytes(limits.maxBytes()));
        }
        if (bytes.length == 0) {
            throw new PhotoRejectedException(Reason.EMPTY, "grid.photo.empty");
        }
        return bytes;
    }

    private static PhotoRejectedException refusal(ImageKind kind) {
        return switch (kind) {
            case HEIF -> new PhotoRejectedException(Reason.HEIF, "grid.photo.heic");
            case AVIF -> new PhotoRejectedException(Reason.HEIF, "grid.photo.avif");
            default ->
                new PhotoRejectedException(
                        Reason.NOT_A_PHOTO, "grid.photo.received." + kind.name().toLowerCase(Locale.ROOT));
        };
    }

    /**
     * Counts the JPEG's start-of-scan markers (FF DA). Inside entropy-coded data a FF byte is always followed by 00
     * or a restart marker, so FF DA appears only as a marker (or inside an embedded thumbnail, whose scans count
     * too, harmlessly).
     */
    static int scans(byte[] jpeg) {
        int scans = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xDA) {
                scans++;
            }
        }
        return scans;
    }

    private BufferedImage decode(byte[] bytes, ImageKind kind) {
        ImageReader reader = reader(kind);
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            // Forward only, and metadata ignored: none of it is kept, and PNG text chunks are not inflated.
            reader.setInput(stream, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new PhotoRejectedException(Reason.CORRUPT, "grid.photo.corrupt");
            }
            if ((long) width * height > limits.maxPixels()) {
                throw new PhotoRejectedException(
                        Reason.TOO_MANY_PIXELS,
                        "grid.photo.tooManyPixels",
                        width,
                        height,
                        limits.maxPixels() / 1_000_000.0);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / limits.maxEdge());
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            return reader.read(0, param);
        } catch (PhotoRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Truncated or damaged files, and decoders' own failures on crafted input (array bounds and the like).
            log.debug("uploaded {} not decodable: {}", kind, e.toString());
            throw new PhotoRejectedException(Reason.CORRUPT, "grid.photo.corrupt");
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(ImageKind kind) {
        if (kind == ImageKind.WEBP) {
            return WEBP.createReaderInstance(null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind == ImageKind.JPEG ? "jpeg" : "png");
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + kind);
        }
        return readers.next();
    }

    /**
     * The image at its stored size (longer edge at most max-edge, never enlarged) as opaque RGB: transparent parts
     * on white, colour profiles converted to sRGB by Java 2D.
     */
    private BufferedImage toStoredSize(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) limits.maxEdge() / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        if (scale == 1.0 && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, tw, th);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.drawImage(image, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A baseline JFIF JPEG: the writer gets no metadata of the source, so none is written. */
    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding in memory failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static double mebibytes(long bytes) {
        return (double) bytes / MEBIBYTE;
    }
}
