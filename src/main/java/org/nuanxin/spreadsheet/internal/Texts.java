package org.nuanxin.spreadsheet.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text normalisation shared by the xlsx and CSV paths, so both read a file identically. */
final class Texts {

    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)|\\[[^\\]]*\\]|【[^】]*】|〔[^〕]*〕|〈[^〉]*〉");
    private static final Pattern IGNORED_IN_HEADER = Pattern.compile("[\\s*:：]+");
    /** Excel shows at most 15 significant digits; the stored double often carries noise beyond. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    private Texts() {}

    /** NFKC, trimmed (also of ideographic and no-break spaces), empty → null. */
    static String cell(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        return text.isEmpty() ? null : text;
    }

    /** The form two headers are compared in: no case, spaces, invisible characters, required-marker or unit. */
    static String headerKey(String raw) {
        String text = cell(raw == null ? null : org.nuanxin.spreadsheet.SheetRow.comparable(raw));
        if (text == null) {
            return "";
        }
        text = text.toLowerCase(Locale.ROOT);
        String withoutUnits = BRACKETED.matcher(text).replaceAll("");
        String key = IGNORED_IN_HEADER.matcher(withoutUnits).replaceAll("");
        // A header that is all brackets, e.g. "(备注)", is still a header.
        return key.isEmpty() ? IGNORED_IN_HEADER.matcher(text).replaceAll("") : key;
    }

    /**
     * A stored number as the plain decimal a user typed: no exponent, no trailing ".0"
     * (13800000101, 106.5785, 0). Rounded to Excel's 15 significant digits, so 0.30000000000000004
     * reads as the 0.3 the user saw.
     */
    static String plainNumber(String stored) {
        BigDecimal value;
        try {
            value = new BigDecimal(stored.strip());
        } catch (NumberFormatException e) {
            return stored;
        }
        return plainNumber(value);
    }

    static String plainNumber(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return plainNumber(BigDecimal.valueOf(value));
    }

    private static String plainNumber(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }
}
