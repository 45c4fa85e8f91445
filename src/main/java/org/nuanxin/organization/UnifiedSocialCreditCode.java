package org.nuanxin.organization;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.kernel.FieldProblem;

/**
 * A unified social credit code (统一社会信用代码) after GB 32100-2015: 18 characters from the 31-character set
 * {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z) —
 *
 * <ul>
 *   <li>1: registration authority (登记管理部门: 1 机构编制, 5 民政, 8 工会, 9 工商 (market regulation), Y other, and
 *       the codes added since: 2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教, A 中央军委改革和编制办公室, N 农业);
 *   <li>2: the kind of organisation within that authority (e.g. 91 an enterprise, 81 a grassroots trade union);
 *   <li>3–8: the administrative division code of the registering authority (GB/T 2260, e.g. 500103 渝中区);
 *   <li>9–17: the organisation code (组织机构代码, GB 11714-1997): 8 characters and a check character (0–9 or X)
 *       with weights 3, 7, 9, 10, 5, 8, 4, 2 modulo 11;
 *   <li>18: the check character: with each character's value its index in the character set and weights 3^i mod
 *       31 (i = 0..16), the character at index (31 − Σ mod 31) mod 31.
 * </ul>
 *
 * <p>{@link #parse} reads a code as people type or paste it: full-width characters (NFKC), lower case and
 * surrounding or inner spaces are normalised (this project's policy, see the vectors in the test resources), then
 * the code is checked and refused with the first {@link Refusal} found. Used by the organisation tree and by the
 * enterprise registry.
 *
 * @param value the normalised code: 18 upper-case characters that pass every check
 */
public record UnifiedSocialCreditCode(String value) {

    /** The 31 characters of the code, in the order of their values 0..30. */
    static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Registration authorities (the first character) of GB 32100-2015 and its later assignments. */
    static final String AUTHORITIES = "123456789ANY";

    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** Why a text is not a unified social credit code, in the order they are checked. */
    public enum Refusal {
        /** Empty or blank. */
        REQUIRED,
        /** Not 18 characters after normalising. */
        LENGTH,
        /** The first character is not a registration authority's code. */
        REGISTRATION_AUTHORITY,
        /** A character outside the code's set (I, O, S, V, Z, punctuation, Chinese). */
        CHARACTER,
        /** The 18th character is not the check character of the first 17 (a typing error, most likely). */
        CHECK_CHARACTER,
        /** The 18th character matches, but characters 9–17 fail the organisation code's check (GB 11714). */
        ORGANISATION_CODE_CHECK;

        /** @return the message key of the refusal, e.g. {@code organization.uscc.CHECK_CHARACTER}; argument {0} the code */
        public String messageKey() {
            return "organization.uscc." + name();
        }
    }

    /**
     * The outcome of {@link #parse}: a code or a refusal, never both.
     *
     * @param code    the code when accepted
     * @param refusal why not, when refused
     * @param input   the normalised text that was checked (for a message: what the user typed, tidied)
     */
    public record Result(Optional<UnifiedSocialCreditCode> code, Optional<Refusal> refusal, String input) {

        /** @return the problem of {@code field} (message {@link Refusal#messageKey()} with the input), or empty when valid */
        public Optional<FieldProblem> problem(String field) {
            return refusal.map(r -> FieldProblem.of(field, r.messageKey(), input));
        }
    }

    /**
     * @throws IllegalArgumentException when {@code value} is not a normalised valid code (use {@link #parse} for
     *     input)
     */
    public UnifiedSocialCreditCode {
        Optional<Refusal> refusal = check(value);
        if (refusal.isPresent() || !value.equals(normalise(value))) {
            throw new IllegalArgumentException("not a unified social credit code: " + refusal.orElse(null));
        }
    }

    /**
     * Reads a code as typed: normalises it ({@link #normalise}) and checks it.
     *
     * @param text what the user typed; null or blank is refused as {@link Refusal#REQUIRED}
     * @return the code, or the first reason it is refused
     */
    public static Result parse(@Nullable String text) {
        String normalised = normalise(text);
        Optional<Refusal> refusal = check(normalised);
        return refusal.isPresent()
                ? new Result(Optional.empty(), refusal, normalised)
                : new Result(Optional.of(new UnifiedSocialCreditCode(normalised)), Optional.empty(), normalised);
    }

    /**
     * Tidies a typed code: Unicode NFKC (full-width letters and digits become ASCII), every whitespace character
     * removed (also the ideographic space), upper case.
     *
     * @param text the text; null gives the empty string
     */
    public static String normalise(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\u3000]", "")
                .toUpperCase(Locale.ROOT);
    }

    /**
     * The check character (18th) of the first 17 characters of a code.
     *
     * @param first17 17 characters of the code's set
     * @throws IllegalArgumentException when {@code first17} is not 17 characters of the set
     */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected, got " + first17.length());
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            int value = CHARACTERS.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a character of the code at " + (i + 1));
            }
            sum += value * weight;
            weight = weight * 3 % 31;
        }
        return CHARACTERS.charAt((31 - sum % 31) % 31);
    }

    /**
     * The check character of an organisation code's first 8 characters (GB 11714-1997): 0–9 or X.
     *
     * @throws IllegalArgumentException when {@code first8} is not 8 digits or upper-case letters
     */
    public static char organisationCodeCheck(String first8) {
        if (first8.length() != 8) {
            throw new IllegalArgumentException("8 characters expected, got " + first8.length());
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                value = c - 'A' + 10;
            } else {
                throw new IllegalArgumentException("not a digit or upper-case letter at " + (i + 1));
            }
            sum += value * ORGANISATION_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private static Optional<Refusal> check(String code) {
        if (code.isEmpty()) {
            return Optional.of(Refusal.REQUIRED);
        }
        if (code.length() != 18) {
            return Optional.of(Refusal.LENGTH);
        }
        if (AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            return Optional.of(Refusal.REGISTRATION_AUTHORITY);
        }
        for (int i = 0; i < 18; i++) {
            if (CHARACTERS.indexOf(code.charAt(i)) < 0) {
                return Optional.of(Refusal.CHARACTER);
            }
        }
        if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
            return Optional.of(Refusal.CHECK_CHARACTER);
        }
        if (organisationCodeCheck(code.substring(8, 16)) != code.charAt(16)) {
            return Optional.of(Refusal.ORGANISATION_CODE_CHECK);
        }
        return Optional.empty();
    }

    /** @return the registration authority (1st character), e.g. {@code '9'} market regulation, {@code '8'} trade unions */
    public char registrationAuthority() {
        return value.charAt(0);
    }

    /** @return the division code of the registering authority (characters 3–8), e.g. {@code 500103} */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    /** @return the organisation code (characters 9–17, GB 11714), e.g. {@code MA5U7K2P3} */
    public String organisationCode() {
        return value.substring(8, 17);
    }

    @Override
    public String toString() {
        return value;
    }
}
