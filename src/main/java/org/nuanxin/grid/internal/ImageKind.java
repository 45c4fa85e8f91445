package org.nuanxin.grid.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * What an upload is, by its first bytes (magic numbers), whatever its name or declared type says. Only
 * {@link #JPEG}, {@link #PNG} and {@link #WEBP} are decoded; the others exist to tell the rider what was received.
 */
enum ImageKind {
    JPEG,
    PNG,
    WEBP,
    /** ISO base media file with a HEIF brand: an iPhone's HEIC photo (or a HEIF from another phone). */
    HEIF,
    /** ISO base media file with an AVIF brand. */
    AVIF,
    /** Another ISO base media file: MP4, MOV, 3GP video. */
    VIDEO,
    PDF,
    /** Starts with '<' after white space: HTML, SVG, XML. */
    MARKUP,
    /** Text without control characters: a script, a JSON or CSV file, a note. */
    TEXT,
    GIF,
    BMP,
    /** TIFF, or a camera raw file built on it (DNG, most RAW formats). */
    TIFF,
    /** A zip: an archive or an Office document. */
    ZIP,
    /** A Windows or Linux program. */
    PROGRAM,
    UNKNOWN;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "mif2");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    /** How much of the start is looked at to tell text from binary data. */
    private static final int TEXT_PROBE = 1024;

    boolean accepted() {
        return this == JPEG || this == PNG || this == WEBP;
    }

    static ImageKind of(byte[] b) {
        if (startsWith(b, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
            return JPEG;
        }
        if (startsWith(b, 0, PNG_SIGNATURE)) {
            return PNG;
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return WEBP;
        }
        if (ascii(b, 4, "ftyp")) {
            return isoBrand(b);
        }
        if (ascii(b, 0, "%PDF-")) {
            return PDF;
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return GIF;
        }
        if (ascii(b, 0, "BM") && b.length >= 26) {
            return BMP;
        }
        if (ascii(b, 0, "II*\0") || ascii(b, 0, "MM\0*")) {
            return TIFF;
        }
        if (ascii(b, 0, "PK\3\4") || ascii(b, 0, "PK\5\6")) {
            return ZIP;
        }
        if (ascii(b, 0, "MZ") || ascii(b, 0, "\u007FELF")) {
            return PROGRAM;
        }
        return textKind(b);
    }

    /**
     * The major brand and the compatible brands of the ftyp box: an iPhone writes major brand heic; other writers
     * put mif1 first and heic or avif among the compatible ones, so AVIF wins over the generic HEIF brands.
     */
    private static ImageKind isoBrand(byte[] b) {
        long boxSize = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        int end = (int) Math.min(Math.min(boxSize, b.length), 256);
        boolean heif = false;
        for (int at = 8; at + 4 <= end; at += 4) {
            if (at == 12) {
                continue; // minor version
            }
            String brand = new String(b, at, 4, StandardCharsets.ISO_8859_1);
            if (AVIF_BRANDS.contains(brand)) {
                return AVIF;
            }
            heif |= HEIF_BRANDS.contains(brand);
        }
        return heif ? HEIF : VIDEO;
    }

    private static ImageKind textKind(byte[] b) {
        int start = startsWith(b, 0, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF) ? 3 : 0;
        int end = Math.min(b.length, TEXT_PROBE);
        int firstVisible = -1;
        for (int i = start; i < end; i++) {
            int c = b[i] & 0xFF;
            boolean whiteSpace = c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ';
            if ((c < 0x20 && !whiteSpace && c != 0x1B) || c == 0x7F) {
                return UNKNOWN;
            }
            if (firstVisible < 0 && !whiteSpace) {
                firstVisible = i;
            }
        }
        if (firstVisible < 0) {
            return start < b.length ? TEXT : UNKNOWN;
        }
        return b[firstVisible] == '<' ? MARKUP : TEXT;
    }

    private static boolean ascii(byte[] b, int offset, String prefix) {
        return startsWith(b, offset, prefix.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] b, int offset, byte... prefix) {
        return b.length >= offset + prefix.length
                && Arrays.equals(b, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
