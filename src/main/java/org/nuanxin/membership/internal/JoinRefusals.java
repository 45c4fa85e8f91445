package org.nuanxin.membership.internal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts, per sign-in number, the online applications refused because the identity number's membership belongs to
 * another phone (table {@code membership_join_refusal}, in the database so the count holds across nodes and
 * restarts). Each such refusal tells the worker that the number is held by someone; {@value #LIMIT} of them in
 * {@link #WINDOW} are allowed (a worker who mistypes a digit, or whose own record was made from an old phone, needs
 * one or two), then the join form refuses every number but the worker's own until the window has moved on.
 *
 * <p>Rows name the worker by the lookup key of their mobile number ({@code member.mobile_key}), never the number.
 */
@Component
class JoinRefusals {

    /** Refusals of numbers held by others that one sign-in number gets in {@link #WINDOW}. */
    static final int LIMIT = 5;

    /** The sliding window of {@link #LIMIT}: 24 hours. */
    static final Duration WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    JoinRefusals(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Committed on its own: the application's transaction is rolled back by the refusal that is being counted.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @return whether this sign-in number has used up its refusals in the window ending at {@code now} */
    boolean exhausted(String mobileKey, Instant now) {
        return count(mobileKey, now) >= LIMIT;
    }

    /**
     * Records one refusal (committed at once) and counts.
     *
     * @return whether this refusal is within the limit; when it is not, the caller answers "over the limit" rather
     *     than "held by someone", so parallel submissions learn no more than {@value #LIMIT} answers (each counts
     *     after its own committed row, so at most {@value #LIMIT} of them see a count within the limit)
     */
    boolean record(String mobileKey, Instant now) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM membership_join_refusal WHERE refused_at <= :before")
                    .param("before", MemberRepository.utc(now.minus(WINDOW)))
                    .update();
            jdbc.sql("INSERT INTO membership_join_refusal (mobile_key, refused_at) VALUES (:key, :at)")
                    .param("key", mobileKey)
                    .param("at", MemberRepository.utc(now))
                    .update();
        });
        return count(mobileKey, now) <= LIMIT;
    }

    private long count(String mobileKey, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM membership_join_refusal WHERE mobile_key = :key AND refused_at > :since")
                .param("key", mobileKey)
                .param("since", MemberRepository.utc(now.minus(WINDOW)))
                .query(Long.class)
                .single();
    }
}
