package org.nuanxin.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.nuanxin.kernel.InvalidInputException;

/**
 * A citizen identity number (GB 11643-1999) or the number of a residence permit for Hong Kong, Macao or Taiwan
 * residents, read as people type it and checked rule by rule.
 *
 * <p>Refusals are {@link InvalidInputException}s on the field {@value #FIELD} with one code per rule
 * ({@code identity.residentId.*}), so a form and an import cell both say which rule failed. The value is personal
 * data: it never appears in a message argument.
 *
 * @param value       the normalised 18-character number (upper-case X), the form that is sealed and hashed
 * @param kind        which document it is
 * @param birthDate   the date of birth it encodes
 * @param addressCode the six-digit administrative division code it starts with (GB/T 2260)
 */
public record ResidentIdNumber(String value, Kind kind, LocalDate birthDate, String addressCode) {

    /** The field name of the refusals. */
    public static final String FIELD = "residentIdNumber";

    /** Which document a number belongs to. */
    public enum Kind {
        /** 居民身份证 (GB 11643-1999). */
        CITIZEN,
        /** 港澳台居民居住证 (address code 810000, 820000 or 830000). */
        HK_MACAO_TAIWAN_RESIDENCE_PERMIT,
        /** 外国人永久居留身份证 (2023 form, 18 digits beginning with 9). */
        FOREIGN_PERMANENT_RESIDENT
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    /**
     * Reads a number.
     *
     * @param input the number as typed (surrounding spaces, full-width digits, a lower-case x and the old 15-digit
     *     form are accepted)
     * @param today the city's date, for "not born in the future"
     * @return the normalised number
     * @throws InvalidInputException naming the rule that failed
     */
    public static ResidentIdNumber parse(String input, LocalDate today) {
        String text = java.text.Normalizer.normalize(input == null ? "" : input, java.text.Normalizer.Form.NFKC)
                .strip()
                .toUpperCase(java.util.Locale.ROOT);
        if (text.isEmpty()) {
            throw refusal("blank");
        }
        if (text.length() == 15 && text.chars().allMatch(Character::isDigit)) {
            String seventeen = text.substring(0, 6) + "19" + text.substring(6);
            text = seventeen + checkCharacter(seventeen);
        }
        if (text.length() != 18) {
            throw refusal("length");
        }
        if (!text.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')
                || !(Character.isDigit(text.charAt(17)) || text.charAt(17) == 'X')) {
            throw refusal("characters");
        }
        if (checkCharacter(text.substring(0, 17)) != text.charAt(17)) {
            throw refusal("checkCharacter");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(text.substring(6, 10)),
                    Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
        } catch (DateTimeException e) {
            throw refusal("birthDate");
        }
        if (birth.isAfter(today)) {
            throw refusal("birthDateFuture");
        }
        String address = text.substring(0, 6);
        Kind kind = switch (address) {
            case "810000", "820000", "830000" -> Kind.HK_MACAO_TAIWAN_RESIDENCE_PERMIT;
            default -> text.charAt(0) == '9' ? Kind.FOREIGN_PERMANENT_RESIDENT : Kind.CITIZEN;
        };
        return new ResidentIdNumber(text, kind, birth, address);
    }

    /** The MOD 11-2 check character (ISO 7064) of the first seventeen digits. */
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
