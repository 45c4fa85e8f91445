package org.nuanxin.membership.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code (ISO/IEC 18004, by ZXing) as an SVG image drawn on the server, so the card shows it without JavaScript:
 * one path of unit squares, black on white, with the standard quiet zone of four modules. Error correction M (15%),
 * enough for a phone screen with glare.
 */
final class QrSvg {

    private QrSvg() {}

    /**
     * @param text  what the code holds (ASCII, e.g. a URL)
     * @param label the image's accessible name
     * @return an {@code <svg>} element, safe to insert as markup (the label is escaped)
     */
    static String of(String text, String label) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
        int w = matrix.getWidth();
        int h = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nx-qr\" role=\"img\" viewBox=\"0 0 " + w + " " + h
                + "\" shape-rendering=\"crispEdges\" aria-label=\"" + escape(label) + "\"><rect width=\"" + w
                + "\" height=\"" + h + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
