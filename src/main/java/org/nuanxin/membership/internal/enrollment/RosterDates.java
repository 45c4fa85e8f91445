package org.nuanxin.membership.internal.enrollment;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Dates as union offices type them in rosters: {@code 2024-07-25}, {@code 2024-7-25}, {@code 2024/7/25},
 * {@code 2024.7.25}, {@code 2024年7月25日} (full-width digits are already half-width after the reader's NFKC), and
 * Excel serial day numbers ({@code 45498}) from a cell not formatted as a date (1900 date system, as Excel on
 * Windows writes; serials of the 1904 system come through the reader already as dates).
 */
final class RosterDates {

    private static final Pattern SEPARATED =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(\\.0+)?");
    /** 1950-01-01 and 2099-12-31: serials outside are not joining dates, and 8-digit text is yyyyMMdd. */
    private static final int FIRST_SERIAL = 18264;

    private static final int LAST_SERIAL = 73415;

    private RosterDates() {}

    /** @return the date, or empty when the text is none of the accepted forms or not a real date */
    static Optional<LocalDate> parse(String text) {
        String t = text.strip();
        Matcher m = SEPARATED.matcher(t);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = COMPACT.matcher(t);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        if (SERIAL.matcher(t).matches()) {
            double serial = Double.parseDouble(t);
            if (serial >= FIRST_SERIAL && serial <= LAST_SERIAL) {
                return Optional.of(DateUtil.getLocalDateTime(serial, false).toLocalDate());
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
