package org.nuanxin.identity;

/**
 * Encryption of personal data at rest (Personal Information Protection Law art. 51) — a bean. Values are
 * encrypted with AES-256-GCM under the configured data key and hashed with HMAC-SHA-256 under a separate lookup
 * key ({@code nuanxin.personal-data.*}); on the embedded development database a key file is generated under
 * {@code ./data} with a loud warning.
 *
 * <p>Callers normalise before sealing (an identity number with {@link ResidentIdNumber#parse}, a phone number to
 * E.164), so that equal data give equal lookup keys. Opening a value is a disclosure: a caller that shows or
 * exports a clear value asks its permissions class first and writes an audit entry.
 */
public interface PersonalData {

    /**
     * @param kind  what the value is
     * @param value the normalised value, not blank
     * @return the ciphertext and the lookup key
     */
    SealedValue seal(PersonalDataKind kind, String value);

    /**
     * @param ciphertext a {@link SealedValue#ciphertext()} written by this application
     * @return the clear value
     * @throws IllegalArgumentException when the text was not written with a known key or was altered
     */
    String open(String ciphertext);

    /**
     * The lookup key of a value, to find or deduplicate without decrypting.
     *
     * @return 64 lower-case hex digits, as {@link SealedValue#lookupKey()}
     */
    String lookupKey(PersonalDataKind kind, String value);
}
