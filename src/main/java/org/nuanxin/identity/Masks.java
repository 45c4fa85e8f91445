package org.nuanxin.identity;

/**
 * How personal data is shown where it need not be read whole (Personal Information Protection Law art. 51,
 * GB/T 35273-2020 §9.3 "de-identification when displayed"): lists, exports, the verification page, the worker's
 * own pages. Masking works on any length and never throws.
 */
public final class Masks {

    /** What stands for every character of a name after the first. */
    private static final String NAME_MASK = "**";

    private Masks() {}

    /**
     * An identity or permit number with its first four and last four characters kept: {@code 500103199001011232}
     * → {@code 5001**********1232}; eight characters or fewer are all masked.
     */
    public static String residentIdNumber(String value) {
        return keep(value, 4, 4);
    }

    /**
     * A mobile number with its first three and last four national digits kept: {@code +8613800138000} or
     * {@code 13800138000} → {@code 138****8000}.
     */
    public static String mobile(String value) {
        String national = value.startsWith("+86") ? value.substring(3) : value;
        return keep(national, 3, 4);
    }

    /**
     * A person's name as its first character and a fixed {@code **}, whatever its length: {@code 张三丰} → {@code 张**},
     * {@code 李四} → {@code 李**}, {@code 欧阳娜娜} → {@code 欧**}, so the mask does not tell how long the name is; the
     * first character is counted in code points (a character outside the BMP stays whole). An empty value gives
     * {@code **}.
     */
    public static String name(String value) {
        if (value.isEmpty()) {
            return NAME_MASK;
        }
        return value.substring(0, value.offsetByCodePoints(0, 1)) + NAME_MASK;
    }

    private static String keep(String value, int head, int tail) {
        int length = value.codePointCount(0, value.length());
        if (length <= head + tail) {
            return "*".repeat(Math.max(length, 1));
        }
        int headEnd = value.offsetByCodePoints(0, head);
        int tailStart = value.offsetByCodePoints(0, length - tail);
        return value.substring(0, headEnd) + "*".repeat(length - head - tail) + value.substring(tailStart);
    }
}
