package org.nuanxin.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Reads mainland China phone numbers as people write them (13800138000, +86 138 0013 8000,
 * 023-6312-3456, full-width digits) with Google's libphonenumber, and gives their E.164 form
 * (+8613800138000), the form Nuanxin stores.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** The kind of a valid number. */
    public enum Kind {
        MOBILE,
        FIXED_LINE,
        OTHER
    }

    /**
     * A valid number.
     *
     * @param e164 the E.164 form, e.g. +8613800138000
     * @param kind mobile, fixed line or another valid kind
     */
    public record Parsed(String e164, Kind kind) {}

    /** Why a text is not a mainland China phone number. */
    public enum Refusal {
        /** Not a phone number at all, or the wrong length. */
        INVALID,
        /** Eleven digits starting with 1, like a mobile, but in a range no operator was assigned (e.g. 149…). */
        UNASSIGNED_MOBILE_RANGE,
        /** A valid number of another country or region (+1 650 …, +852 …). */
        NOT_MAINLAND
    }

    /**
     * Reads a mainland China (+86) mobile or landline number; a station's contact, a member's phone.
     *
     * @return the number, or why it is refused
     */
    public static Result parseMainland(String text) {
        Optional<Parsed> parsed = parse(text);
        if (parsed.isPresent()) {
            return parsed.get().e164().startsWith("+86")
                    ? new Result(parsed, Optional.empty())
                    : new Result(Optional.empty(), Optional.of(Refusal.NOT_MAINLAND));
        }
        String digits = text == null
                ? ""
                : Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        boolean mobileShaped = digits.length() == 11
                && digits.startsWith("1")
                && digits.chars().allMatch(Character::isDigit);
        return new Result(
                Optional.empty(), Optional.of(mobileShaped ? Refusal.UNASSIGNED_MOBILE_RANGE : Refusal.INVALID));
    }

    /**
     * The outcome of {@link #parseMainland}: a number, or a refusal, never both.
     *
     * @param number  the number when accepted
     * @param refusal why not, when refused
     */
    public record Result(Optional<Parsed> number, Optional<Refusal> refusal) {}

    /**
     * Parses a number in the CN region (a number with +country code may be foreign).
     *
     * @return the number, or empty when it is not a valid number (wrong length, unassigned range)
     */
    public static Optional<Parsed> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        try {
            PhoneNumber number = UTIL.parse(t, "CN");
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            Kind kind = switch (UTIL.getNumberType(number)) {
                case MOBILE -> Kind.MOBILE;
                case FIXED_LINE -> Kind.FIXED_LINE;
                case FIXED_LINE_OR_MOBILE -> Kind.MOBILE;
                default -> Kind.OTHER;
            };
            return Optional.of(new Parsed(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), kind));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** @return the number for display in China, e.g. 138 0013 8000 or 023 6312 3456, from its E.164 form */
    public static String display(String e164) {
        try {
            return UTIL.format(UTIL.parse(e164, "CN"), PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }
}
