package org.nuanxin.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nuanxin.kernel.FieldProblem;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password policy and the password hash, after NIST SP 800-63B section 5.1.1.2 (memorized secrets):
 *
 * <ul>
 *   <li>at least {@value #MIN_LENGTH} characters (Unicode code points: a Chinese passphrase counts its
 *       characters, not its bytes), at most {@value #MAX_LENGTH}, so long passphrases are welcome;
 *   <li>no composition rules, no forced expiry;
 *   <li>refused when it is a commonly used or breached password ({@code identity/common-passwords.txt},
 *       compared case-insensitively), one character repeated, or the username itself.
 * </ul>
 *
 * <p>Hash: BCrypt reads at most 72 bytes (24 Chinese characters) and Spring Security refuses longer input.
 * New hashes are {@code {bcrypt-sha256}}: the UTF-8 password is hashed with SHA-256 and its Base64 form
 * (44 bytes) given to BCrypt, so every character of a long passphrase counts and nothing is cut.
 * Existing {@code {bcrypt}} hashes keep working through the {@link DelegatingPasswordEncoder} and are
 * replaced the next time the password is set.
 */
final class Passwords {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;
    static final String ENCODING_ID = "bcrypt-sha256";
    private static final Set<String> COMMON = load("/identity/common-passwords.txt");

    private Passwords() {}

    static PasswordEncoder encoder() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        PasswordEncoder legacy = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                // BCrypt refuses over 72 bytes with an exception; such a password cannot be this hash's.
                return raw.toString().getBytes(StandardCharsets.UTF_8).length <= 72 && bcrypt.matches(raw, encoded);
            }
        };
        PasswordEncoder prehashed = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(sha256(raw));
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return bcrypt.matches(sha256(raw), encoded);
            }
        };
        return new DelegatingPasswordEncoder(ENCODING_ID, Map.of(ENCODING_ID, prehashed, "bcrypt", legacy));
    }

    private static String sha256(CharSequence raw) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * @param field    the form field the problem is reported on
     * @param username the account's username (the password may not be it)
     * @return the first rule the password breaks, if any
     */
    static Optional<FieldProblem> problem(String field, String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(FieldProblem.of(field, "identity.accounts.error.passwordShort", MIN_LENGTH));
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of(FieldProblem.of(field, "identity.accounts.error.passwordLong", MAX_LENGTH));
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(FieldProblem.of(field, "identity.accounts.error.passwordUsername"));
        }
        if (COMMON.contains(lower) || lower.codePoints().distinct().count() <= 2) {
            return Optional.of(FieldProblem.of(field, "identity.accounts.error.passwordCommon"));
        }
        return Optional.empty();
    }

    static int commonCount() {
        return COMMON.size();
    }

    private static Set<String> load(String resource) {
        var in = Passwords.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing " + resource);
        }
        Set<String> set = new HashSet<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .forEach(set::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
