package org.nuanxin.identity.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.PersonalDataKind;
import org.nuanxin.identity.PhoneNumbers;
import org.nuanxin.identity.SmsSender;
import org.nuanxin.kernel.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Workers sign in with their mobile number and a one-time code sent by text message ({@link SmsSender}).
 *
 * <ul>
 *   <li>A code is 6 digits from {@link SecureRandom}, valid {@code codeLifetime} (5 min), used once, and dead after
 *       {@code maxWrongTries} (5) wrong tries; a newer code ends the older ones of the number.
 *   <li>Neither code nor number is stored: the row is keyed by {@link PersonalData#lookupKey} of the number and keeps
 *       a salted SHA-256 of the code. (Six digits are quickly found from such a hash by whoever reads the table; what
 *       protects a code is its short life, single use and the wrong-try limit.)
 *   <li>Per number: at most one code per {@code resendAfter} (60 s) and {@code dailyCap} (10) in 24 hours. A request
 *       past these limits sends nothing but is answered exactly like one that sent a code, so the answer tells
 *       nothing about the number. Per client address: {@link WorkerSignInThrottle}.
 *   <li>Counted in metrics ({@code nuanxin.worker.sign-in.codes}, {@code nuanxin.worker.sign-in.checks}, tag
 *       {@code outcome}); not audited (an audit entry would have to name the person).
 * </ul>
 */
@Service
class WorkerSignIn {

    private static final Logger log = LoggerFactory.getLogger(WorkerSignIn.class);

    /** Digits of a code. */
    static final int CODE_LENGTH = 6;

    /** How long rows stay for the daily cap; older ones are purged. */
    static final Duration KEPT = Duration.ofDays(1);

    /** The outcome of a code request. */
    enum Sent {
        /** A code was sent, or the number's limits held it back (answered alike). */
        SENT,
        /** The client address used up its budget of code requests; try later. */
        CLIENT_LIMIT,
        /** No SMS adapter is configured, or the gateway failed: nothing was sent. */
        UNAVAILABLE
    }

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final ObjectProvider<SmsSender> senders;
    private final WorkerSignInThrottle throttle;
    private final WorkerSignInProperties properties;
    private final MessageSource messages;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SecureRandom random = new SecureRandom();

    WorkerSignIn(
            JdbcClient jdbc,
            PersonalData personalData,
            ObjectProvider<SmsSender> senders,
            WorkerSignInThrottle throttle,
            WorkerSignInProperties properties,
            MessageSource messages,
            Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.senders = senders;
        this.throttle = throttle;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        if (senders.getIfUnique() == null) {
            log.warn("No SMS gateway (identity.SmsSender bean) is configured: workers cannot receive sign-in codes and"
                    + " the sign-in page says so. For development start with the profile 'dev', which writes codes"
                    + " to the log.");
        }
    }

    /**
     * Reads a worker's mobile number as typed (13800138000, +86 138 0013 8000, full-width digits).
     *
     * @return the E.164 form
     * @throws InvalidInputException field {@code mobile}: {@code identity.signin.mobile.required},
     *     {@code .invalid}, {@code .unassigned} (an 11-digit number in a range no operator holds), {@code .notMainland},
     *     {@code .notMobile} (a landline)
     */
    static String mobile(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException("mobile", "identity.signin.mobile.required");
        }
        PhoneNumbers.Result result = PhoneNumbers.parseMainland(input);
        if (result.refusal().isPresent()) {
            String code = switch (result.refusal().get()) {
                case INVALID -> "identity.signin.mobile.invalid";
                case UNASSIGNED_MOBILE_RANGE -> "identity.signin.mobile.unassigned";
                case NOT_MAINLAND -> "identity.signin.mobile.notMainland";
            };
            throw new InvalidInputException("mobile", code);
        }
        PhoneNumbers.Parsed parsed = result.number().orElseThrow();
        if (parsed.kind() != PhoneNumbers.Kind.MOBILE) {
            throw new InvalidInputException("mobile", "identity.signin.mobile.notMobile");
        }
        return parsed.e164();
    }

    /**
     * Sends a new code to a number, unless a limit holds it back.
     *
     * @param e164   the number, from {@link #mobile(String)}
     * @param client the client address (after the trusted proxies)
     * @param locale the language of the text message
     * @return {@link Sent#SENT} also when the number's limits held the code back
     */
    @Transactional
    Sent sendCode(String e164, String client, Locale locale) {
        if (!throttle.codeRequested(client)) {
            count("codes", "client-limit");
            return Sent.CLIENT_LIMIT;
        }
        SmsSender sender = senders.getIfUnique();
        if (sender == null) {
            count("codes", "unavailable");
            return Sent.UNAVAILABLE;
        }
        String key = personalData.lookupKey(PersonalDataKind.MOBILE, e164);
        Instant now = clock.instant();
        long recent = jdbc.sql(
                        "SELECT COUNT(*) FROM worker_sign_in_code WHERE mobile_key = :key AND created_at > :since")
                .param("key", key)
                .param("since", utc(now.minus(properties.resendAfter())))
                .query(Long.class)
                .single();
        long today = jdbc.sql(
                        "SELECT COUNT(*) FROM worker_sign_in_code WHERE mobile_key = :key AND created_at > :since")
                .param("key", key)
                .param("since", utc(now.minus(KEPT)))
                .query(Long.class)
                .single();
        if (recent > 0 || today >= properties.dailyCap()) {
            count("codes", "held-back");
            return Sent.SENT;
        }
        String code = newCode();
        String salt = HexFormat.of().formatHex(randomBytes(16));
        // A newer code ends the older ones: one live code per number, so wrong tries do not add up across codes.
        jdbc.sql("UPDATE worker_sign_in_code SET used_at = :now WHERE mobile_key = :key AND used_at IS NULL")
                .param("now", utc(now))
                .param("key", key)
                .update();
        jdbc.sql("""
                INSERT INTO worker_sign_in_code (mobile_key, code_salt, code_hash, created_at, expires_at)
                VALUES (:key, :salt, :hash, :now, :expires)""")
                .param("key", key)
                .param("salt", salt)
                .param("hash", hash(salt, code))
                .param("now", utc(now))
                .param("expires", utc(now.plus(properties.codeLifetime())))
                .update();
        String text = messages.getMessage(
                "identity.signin.sms",
                new Object[] {code, properties.codeLifetime().toMinutes()},
                locale);
        try {
            sender.send(e164, text);
        } catch (RuntimeException failed) {
            // Nothing was sent: keep no row, so the number's limits are not used up by a gateway failure.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            log.warn(
                    "The SMS gateway did not take a sign-in code: {}",
                    failed.getClass().getSimpleName());
            count("codes", "unavailable");
            return Sent.UNAVAILABLE;
        }
        count("codes", "sent");
        return Sent.SENT;
    }

    /**
     * Checks a code typed for a number and, when it is right, uses it up.
     *
     * @param e164   the number, from {@link #mobile(String)}
     * @param typed  the code as typed (full-width digits and spaces are fine)
     * @param client the client address
     * @return the worker to sign in, or empty — for a wrong, expired, used, exhausted or missing code and a throttled
     *     address alike
     */
    @Transactional
    Optional<WorkerPrincipal> checkCode(String e164, String typed, String client) {
        if (!throttle.allowsCodeCheck(client)) {
            count("checks", "client-limit");
            return Optional.empty();
        }
        String code = typed == null
                ? ""
                : Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("\\s", "");
        if (code.length() != CODE_LENGTH || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throttle.wrongCode(client);
            count("checks", "wrong");
            return Optional.empty();
        }
        String key = personalData.lookupKey(PersonalDataKind.MOBILE, e164);
        Instant now = clock.instant();
        Optional<Live> live = jdbc.sql("""
                SELECT id, code_salt, code_hash FROM worker_sign_in_code
                WHERE mobile_key = :key AND used_at IS NULL AND expires_at > :now AND wrong_tries < :max
                ORDER BY created_at DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("key", key)
                .param("now", utc(now))
                .param("max", properties.maxWrongTries())
                .query((rs, n) -> new Live(rs.getLong("id"), rs.getString("code_salt"), rs.getString("code_hash")))
                .optional();
        if (live.isEmpty()) {
            throttle.wrongCode(client);
            count("checks", "wrong");
            return Optional.empty();
        }
        boolean right = MessageDigest.isEqual(
                hash(live.get().salt(), code).getBytes(StandardCharsets.US_ASCII),
                live.get().hash().getBytes(StandardCharsets.US_ASCII));
        if (!right) {
            jdbc.sql("UPDATE worker_sign_in_code SET wrong_tries = wrong_tries + 1 WHERE id = :id")
                    .param("id", live.get().id())
                    .update();
            throttle.wrongCode(client);
            count("checks", "wrong");
            return Optional.empty();
        }
        // Used once: of two simultaneous right answers only one updates the row.
        int used = jdbc.sql("""
                UPDATE worker_sign_in_code SET used_at = :now
                WHERE id = :id AND used_at IS NULL AND wrong_tries < :max AND expires_at > :now""")
                .param("now", utc(now))
                .param("id", live.get().id())
                .param("max", properties.maxWrongTries())
                .update();
        if (used != 1) {
            count("checks", "wrong");
            return Optional.empty();
        }
        count("checks", "signed-in");
        return Optional.of(new WorkerPrincipal(e164));
    }

    /** Deletes codes sent more than a day ago (long expired; kept that long only for the daily cap). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @Transactional
    int purge() {
        int purged = jdbc.sql("DELETE FROM worker_sign_in_code WHERE created_at < :before")
                .param("before", utc(clock.instant().minus(KEPT)))
                .update();
        if (purged > 0) {
            log.debug("Purged {} worker sign-in codes", purged);
        }
        return purged;
    }

    /** @return the shortest time between two codes for one number */
    Duration resendAfter() {
        return properties.resendAfter();
    }

    /** @return how long a code may be used */
    Duration codeLifetime() {
        return properties.codeLifetime();
    }

    private record Live(long id, String salt, String hash) {}

    private String newCode() {
        int bound = (int) Math.pow(10, CODE_LENGTH);
        return String.format(Locale.ROOT, "%0" + CODE_LENGTH + "d", random.nextInt(bound));
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    static String hash(String salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((salt + ":" + code).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void count(String what, String outcome) {
        meters.counter("nuanxin.worker.sign-in." + what, "outcome", outcome).increment();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
