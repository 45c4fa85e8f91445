package org.nuanxin.identity;

/**
 * A personal datum as stored: encrypted, with a keyed hash beside it for exact lookup. Store both columns;
 * search and uniqueness use {@link #lookupKey()} only.
 *
 * @param ciphertext the AES-GCM ciphertext as text: key version, nonce and ciphertext with its tag, Base64
 *     (at most 200 characters for values up to 64 characters)
 * @param lookupKey  HMAC-SHA-256 of the kind and the normalised value under the lookup key, 64 lower-case hex
 *     digits; equal values of one kind give equal lookup keys
 */
public record SealedValue(String ciphertext, String lookupKey) {}
