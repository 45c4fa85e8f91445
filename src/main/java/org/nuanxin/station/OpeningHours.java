package org.nuanxin.station;

import java.text.Normalizer;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Daily opening hours of a station, as rosters write them: {@code 08:00-22:00},
 * {@code 09:00-12:00,14:00-18:00}, {@code 全天24小时}. A range whose end is before its start runs
 * past midnight ({@code 22:00-06:00}). The same hours apply every day; times are Asia/Shanghai.
 *
 * @param allDay true when the station never closes
 * @param ranges the open ranges in minutes since midnight, sorted, empty when {@code allDay}
 */
public record OpeningHours(boolean allDay, List<Range> ranges) {

    /** The canonical text of a station open around the clock. */
    public static final String ALL_DAY_TEXT = "全天24小时";

    public static final OpeningHours ALWAYS = new OpeningHours(true, List.of());

    private static final Pattern RANGE =
            Pattern.compile("(\\d{1,2})[:：.](\\d{2})\\s*(?:-|~|～|–|—|至|到)\\s*(\\d{1,2})[:：.](\\d{2})");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,，;；、/]\\s*|\\s+");

    /**
     * One open range.
     *
     * @param startMinute minutes since midnight when the station opens, 0..1439
     * @param endMinute   minutes since midnight when it closes, 1..1440; below start means the next day
     */
    public record Range(int startMinute, int endMinute) {

        public Range {
            if (startMinute < 0
                    || startMinute > 1439
                    || endMinute < 1
                    || endMinute > 1440
                    || startMinute == endMinute) {
                throw new IllegalArgumentException("invalid range " + startMinute + "-" + endMinute);
            }
        }

        boolean contains(int minute) {
            return startMinute < endMinute
                    ? minute >= startMinute && minute < endMinute
                    : minute >= startMinute || minute < endMinute;
        }

        @Override
        public String toString() {
            return hhmm(startMinute) + "-" + hhmm(endMinute);
        }
    }

    public OpeningHours {
        ranges = List.copyOf(ranges);
        if (!allDay && ranges.isEmpty()) {
            throw new IllegalArgumentException("opening hours need at least one range");
        }
    }

    /**
     * Parses opening hours as written in a roster. Full-width digits and colons are accepted; ranges
     * are separated by commas (, ，), semicolons, 、 or spaces; a range by -, ~, 至 or 到.
     *
     * @throws IllegalArgumentException with a message naming the bad part, when the text is not of that form
     */
    public static OpeningHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("opening hours are empty");
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        // 00:00-24:00 is read as a range below and becomes ALWAYS there.
        if (t.equals(ALL_DAY_TEXT)
                || t.equals("全天")
                || t.equals("24小时")
                || t.equalsIgnoreCase("24h")
                || t.equals("全天24h")) {
            return ALWAYS;
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : SEPARATOR.split(t)) {
            if (part.isEmpty()) {
                continue;
            }
            Matcher m = RANGE.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("cannot read \"" + part + "\" as a time range like 08:00-22:00");
            }
            int start = minute(m.group(1), m.group(2), false, part);
            int end = minute(m.group(3), m.group(4), true, part);
            if (start == end) {
                throw new IllegalArgumentException("range \"" + part + "\" opens and closes at the same time");
            }
            if (start == 0 && end == 1440) {
                return ALWAYS;
            }
            // 22:00-00:00 closes at midnight, the end of the day
            ranges.add(new Range(start, end == 0 ? 1440 : end));
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("opening hours are empty");
        }
        ranges.sort(Comparator.comparingInt(Range::startMinute));
        return new OpeningHours(false, ranges);
    }

    private static int minute(String hh, String mm, boolean end, String part) {
        int h = Integer.parseInt(hh);
        int m = Integer.parseInt(mm);
        if (m > 59 || h > 24 || (h == 24 && (m > 0 || !end))) {
            throw new IllegalArgumentException("\"" + part + "\" has a time that does not exist");
        }
        return h * 60 + m;
    }

    /** @return whether the station is open at this local (Asia/Shanghai) time of day */
    public boolean isOpenAt(LocalTime time) {
        if (allDay) {
            return true;
        }
        int minute = time.getHour() * 60 + time.getMinute();
        for (Range r : ranges) {
            if (r.contains(minute)) {
                return true;
            }
        }
        return false;
    }

    /** @return the canonical text: {@code 全天24小时} or ranges joined by commas, e.g. {@code 09:00-12:00,14:00-18:00} */
    @Override
    public String toString() {
        return allDay ? ALL_DAY_TEXT : ranges.stream().map(Range::toString).collect(Collectors.joining(","));
    }

    /** 09:05 for 545; by hand, not String.format, which parses its pattern on every call (lists show hundreds). */
    private static String hhmm(int minutes) {
        int h = minutes / 60;
        int m = minutes % 60;
        return new StringBuilder(5)
                .append((char) ('0' + h / 10))
                .append((char) ('0' + h % 10))
                .append(':')
                .append((char) ('0' + m / 10))
                .append((char) ('0' + m % 10))
                .toString();
    }
}
