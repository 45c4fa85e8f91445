package org.nuanxin.membership.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.nuanxin.kernel.CityTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Card tokens as the QR code carries them: {@code <id>.<signature>}, where the id is 128 random bits (Base64url, 22
 * characters) and the signature the first 80 bits of HMAC-SHA-256 of the id under the card key (Base64url, 14
 * characters). The token holds no personal data; the signature lets a scan of a forged or mistyped code be refused
 * without looking it up, and revocation is the row's {@code revoked_at}. The key is generated at the first start
 * and kept in {@code membership_secret}, so cards survive restarts and every instance signs alike.
 */
@Component
class CardTokens {

    private static final String KEY_NAME = "card-signing-key";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final MemberRepository repository;
    private final CityTime time;
    private final TransactionTemplate ownTransaction;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    CardTokens(MemberRepository repository, CityTime time, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.time = time;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @return a new token id (22 characters) */
    String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    /** @return the text the QR code carries for a token id */
    String signed(String id) {
        return id + "." + signature(id);
    }

    /** @return the token id when {@code text} carries a valid signature, else empty */
    Optional<String> verify(String text) {
        int dot = text.indexOf('.');
        if (dot != 22 || text.length() > 64) {
            return Optional.empty();
        }
        String id = text.substring(0, dot);
        byte[] expected = signature(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = text.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(id) : Optional.empty();
    }

    private String signature(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] full = mac.doFinal(id.getBytes(StandardCharsets.US_ASCII));
            byte[] truncated = new byte[10];
            System.arraycopy(full, 0, truncated, 0, truncated.length);
            return B64.encodeToString(truncated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    // In a transaction of its own: a lost race must not abort the caller's (PostgreSQL would).
                    key = Base64.getDecoder().decode(loadOrCreateOnce());
                }
                k = key;
            }
        }
        return k;
    }

    private String loadOrCreateOnce() {
        try {
            return java.util.Objects.requireNonNull(ownTransaction.execute(status -> loadOrCreate()));
        } catch (DuplicateKeyException raced) {
            // Another instance (or thread) created it first: use theirs.
            return repository.secret(KEY_NAME).orElseThrow();
        }
    }

    private String loadOrCreate() {
        Optional<String> stored = repository.secret(KEY_NAME);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getEncoder().encodeToString(bytes);
        repository.insertSecret(KEY_NAME, value, time.now());
        return value;
    }
}
