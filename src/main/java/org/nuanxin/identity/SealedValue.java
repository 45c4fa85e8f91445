package org.nuanxin.identity;

/**
 * A personal datum as stored: encrypted, with a keyed hash beside it for exact lookup. Store both columns;
 * search and uniqueness use {@link #lookupKey()} only.
 *
 * @param ciphertext the AES-GCM ciphertext as text: key version, nonce and ciphertext with its tag, Base64;
 *     {@code 4 * ceil((29 + n) / 3)} characters for a value of n UTF-8 bytes (124 for 64 ASCII characters, 296 for
 *     64 Chinese characters)
 * @param lookupKey  HMAC-SHA-256 of the kind and the normalised value under the lookup key, 64 lower-case hex
 *     digits; equal values of one kind give equal lookup keys
 */
public record SealedValue(String ciphertext, String lookupKey) {}
