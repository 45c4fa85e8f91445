package org.nuanxin.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.PersonalDataKind;
import org.nuanxin.identity.SealedValue;

/**
 * {@link PersonalData} with the JDK's AES-256-GCM and HMAC-SHA-256.
 *
 * <p>A ciphertext is Base64 (RFC 4648, with padding) of: one byte key version, the 12-byte random nonce (NIST SP
 * 800-38D §8.2.2: random 96-bit nonces, safe for up to 2^32 encryptions under one key), then the AES-GCM ciphertext
 * with its 16-byte tag; the version byte is also authenticated (additional data). A value of n UTF-8 bytes gives
 * {@code 4 * ceil((29 + n) / 3)} characters: 124 for 64 bytes.
 *
 * <p>A lookup key is HMAC-SHA-256 under the lookup key of {@code kind name, 0x00, value in UTF-8}, as 64 lower-case
 * hex digits: the kind's name separates the domains, so equal digits of two kinds never give equal lookup keys.
 *
 * <p>Key rotation: give the new key a higher {@code data-key-version}, keep the old one in
 * {@code retired-data-keys} as {@code version:Base64}; old ciphertexts open with it and are re-sealed under the new key
 * when rewritten ({@link #isCurrent} tells which still use a retired key). Lookup keys do not change.
 */
final class AesGcmPersonalData implements PersonalData {

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();

    AesGcmPersonalData(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @Override
    public SealedValue seal(PersonalDataKind kind, String value) {
        return new SealedValue(encrypt(value), lookupKey(kind, value));
    }

    @Override
    public String open(String ciphertext) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("personal data: the ciphertext is not Base64");
        }
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("personal data: the ciphertext is too short");
        }
        int version = bytes[0] & 0xff;
        SecretKey key = keys.dataKeys().get(version);
        if (key == null) {
            throw new IllegalArgumentException("personal data: no data key of version " + version + " is configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
            cipher.updateAAD(bytes, 0, 1);
            byte[] clear = cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("personal data: the ciphertext was altered or sealed with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data: AES-GCM is not available", e);
        }
    }

    @Override
    public String lookupKey(PersonalDataKind kind, String value) {
        requireValue(value);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.lookupKey());
            mac.update(kind.name().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data: HMAC-SHA-256 is not available", e);
        }
    }

    /**
     * @return whether the ciphertext was sealed with the current data key (false: re-seal it when convenient)
     * @throws IllegalArgumentException when the text is not a ciphertext
     */
    boolean isCurrent(String ciphertext) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("personal data: the ciphertext is not Base64");
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("personal data: the ciphertext is empty");
        }
        return (bytes[0] & 0xff) == keys.version();
    }

    private String encrypt(String value) {
        requireValue(value);
        byte[] clear = value.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] header = {(byte) keys.version()};
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.dataKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            byte[] sealed = cipher.doFinal(clear);
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
            out.put(header).put(nonce).put(sealed);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data: AES-GCM is not available", e);
        }
    }

    private static void requireValue(String value) {
        if (value.isBlank()) {
            // Never the value itself in a message: it is personal data.
            throw new IllegalArgumentException("personal data: the value is blank");
        }
    }
}
