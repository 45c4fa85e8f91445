package org.nuanxin.grid;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Real images for the photo-intake tests, made with ImageIO, and the metadata phones put into them (EXIF with GPS,
 * make and model, orientation; XMP; a comment) written byte by byte as the standards lay them out.
 */
public final class TestPhotos {

    public static final Color RED = new Color(220, 30, 30);
    public static final Color BLUE = new Color(30, 30, 220);
    public static final Color GREY = new Color(128, 128, 128);

    private TestPhotos() {}

    /** A w × h grey picture with a red square in its top-left corner and a blue one in its top-right corner. */
    public static BufferedImage markedCorners(int w, int h, int square) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(GREY);
        g.fillRect(0, 0, w, h);
        g.setColor(RED);
        g.fillRect(0, 0, square, square);
        g.setColor(BLUE);
        g.fillRect(w - square, 0, square, square);
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] resource(String name) {
        try (InputStream in = TestPhotos.class.getResourceAsStream("/grid/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource grid/" + name + " missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- EXIF (a TIFF structure, big-endian here) ----

    /** What a phone writes into EXIF; null leaves the tag out. */
    public record Exif(String make, String model, Integer orientation, boolean gps) {}

    /** The TIFF bytes of an EXIF block: IFD0 with make, model, orientation and, if asked, a GPS IFD (Chongqing). */
    public static byte[] tiff(Exif exif) {
        List<Entry> ifd0 = new ArrayList<>();
        if (exif.make() != null) {
            ifd0.add(Entry.ascii(0x010F, exif.make()));
        }
        if (exif.model() != null) {
            ifd0.add(Entry.ascii(0x0110, exif.model()));
        }
        if (exif.orientation() != null) {
            ifd0.add(new Entry(
                    0x0112,
                    3,
                    1,
                    ByteBuffer.allocate(2)
                            .putShort((short) (int) exif.orientation())
                            .array()));
        }
        List<Entry> gps = List.of(
                new Entry(0x0000, 1, 4, new byte[] {2, 3, 0, 0}),
                Entry.ascii(0x0001, "N"),
                Entry.rationals(0x0002, 29, 1, 33, 1, 4200, 100),
                Entry.ascii(0x0003, "E"),
                Entry.rationals(0x0004, 106, 1, 33, 1, 1800, 100));
        int ifd0Start = 8;
        int gpsStart = ifd0Start + Entry.size(ifd0) + (exif.gps() ? 12 : 0);
        if (exif.gps()) {
            ifd0.add(new Entry(
                    0x8825, 4, 1, ByteBuffer.allocate(4).putInt(gpsStart).array()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        out.writeBytes(Entry.ifd(ifd0Start, ifd0));
        if (exif.gps()) {
            out.writeBytes(Entry.ifd(gpsStart, gps));
        }
        return out.toByteArray();
    }

    /** One IFD entry: tag, TIFF type (1 byte, 2 ASCII, 3 short, 4 long, 5 rational), count and value bytes. */
    record Entry(int tag, int type, int count, byte[] value) {

        static Entry ascii(int tag, String text) {
            byte[] b = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Entry(tag, 2, b.length, b);
        }

        static Entry rationals(int tag, int... numeratorsAndDenominators) {
            ByteBuffer b = ByteBuffer.allocate(4 * numeratorsAndDenominators.length);
            for (int v : numeratorsAndDenominators) {
                b.putInt(v);
            }
            return new Entry(tag, 5, numeratorsAndDenominators.length / 2, b.array());
        }

        /** Bytes of an IFD with these entries and their out-of-line values. */
        static int size(List<Entry> entries) {
            int size = 2 + 12 * entries.size() + 4;
            for (Entry e : entries) {
                size += e.value.length > 4 ? (e.value.length + 1) & ~1 : 0;
            }
            return size;
        }

        static byte[] ifd(int start, List<Entry> entries) {
            List<Entry> sorted = entries.stream()
                    .sorted(java.util.Comparator.comparingInt(Entry::tag))
                    .toList();
            ByteBuffer b = ByteBuffer.allocate(size(sorted)).order(ByteOrder.BIG_ENDIAN);
            int data = start + 2 + 12 * sorted.size() + 4;
            ByteArrayOutputStream outOfLine = new ByteArrayOutputStream();
            b.putShort((short) sorted.size());
            for (Entry e : sorted) {
                b.putShort((short) e.tag).putShort((short) e.type).putInt(e.count);
                if (e.value.length <= 4) {
                    b.put(java.util.Arrays.copyOf(e.value, 4));
                } else {
                    b.putInt(data + outOfLine.size());
                    outOfLine.writeBytes(e.value);
                    if (e.value.length % 2 == 1) {
                        outOfLine.write(0);
                    }
                }
            }
            b.putInt(0);
            b.put(outOfLine.toByteArray());
            return b.array();
        }
    }

    // ---- JPEG segments ----

    /** The JPEG with these segments (each given whole: marker, length, payload) inserted right after SOI. */
    public static byte[] withSegments(byte[] jpeg, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        for (byte[] segment : segments) {
            out.writeBytes(segment);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    public static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** APP1 "Exif\0\0" + TIFF. */
    public static byte[] exifSegment(Exif exif) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        payload.writeBytes(tiff(exif));
        return segment(0xE1, payload.toByteArray());
    }

    /** APP1 with an XMP packet carrying a GPS position and a creator tool. */
    public static byte[] xmpSegment() {
        String xmp = "http://ns.adobe.com/xap/1.0/\0"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\""
                + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" exif:GPSLatitude=\"29,33.42N\""
                + " exif:GPSLongitude=\"106,33.18E\" xmp:CreatorTool=\"SecretPhoneApp\"/>"
                + "</rdf:RDF></x:xmpmeta>";
        return segment(0xE1, xmp.getBytes(StandardCharsets.UTF_8));
    }

    /** COM segment. */
    public static byte[] commentSegment(String text) {
        return segment(0xFE, text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- WebP ----

    /**
     * The extended WebP (VP8X) form of a simple WebP, with an EXIF chunk: what a phone or an editor writes when it
     * keeps metadata. The canvas size in VP8X is given, so a lying header can be built too.
     */
    public static byte[] webpWithExif(byte[] simpleWebp, int canvasWidth, int canvasHeight, byte[] tiff) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10);
        vp8x.put((byte) 0x08).put(new byte[3]); // flags: EXIF present
        putUint24(vp8x, canvasWidth - 1);
        putUint24(vp8x, canvasHeight - 1);
        chunks.writeBytes(vp8x.array());
        chunks.write(simpleWebp, 12, simpleWebp.length - 12); // the VP8/VP8L chunk
        ByteBuffer exifHeader = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        exifHeader.put("EXIF".getBytes(StandardCharsets.US_ASCII)).putInt(tiff.length);
        chunks.writeBytes(exifHeader.array());
        chunks.writeBytes(tiff);
        if (tiff.length % 2 == 1) {
            chunks.write(0);
        }
        ByteBuffer riff = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + chunks.size());
        riff.put("WEBP".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(riff.array());
        out.writeBytes(chunks.toByteArray());
        return out.toByteArray();
    }

    private static void putUint24(ByteBuffer b, int value) {
        b.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }
}
