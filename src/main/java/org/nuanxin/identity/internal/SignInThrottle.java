package org.nuanxin.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without a lock-out switch. Two rules, both kept in memory and bounded:
 *
 * <ul>
 *   <li><b>per account and client address</b>: after {@code freeFailures} wrong passwords in a row from
 *       one address for one account, each further attempt from that address for that account must wait
 *       1 s, 2 s, 4 s, … up to {@code maxDelay} after the last failure. A success from that address clears it.
 *   <li><b>per client address</b>: at most {@code clientFailureBudget} wrong passwords for any accounts in
 *       {@code clientBudgetWindow}; past it the address's attempts are refused until the window ends.
 * </ul>
 *
 * The account itself is never locked: someone typing wrong passwords from elsewhere slows only their own
 * address, and the administrator signs in from theirs. A throttled attempt is answered exactly like a
 * wrong password (the login page says "wrong username or password"), for existing and unknown names alike.
 */
@Component
class SignInThrottle {

    /** Most remembered pairs and addresses; past it, expired entries are dropped, then everything. */
    static final int MAX_ENTRIES = 50_000;

    private record Pair(String account, String client) {}

    private record Failures(int count, Instant last) {}

    private record Budget(int count, Instant windowStart) {}

    private final ConcurrentHashMap<Pair, Failures> pairs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Budget> clients = new ConcurrentHashMap<>();
    private final IdentityProperties properties;
    private final Clock clock;

    SignInThrottle(IdentityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** @return whether an attempt for this account from this address may be checked now */
    boolean allows(String account, String client) {
        Instant now = clock.instant();
        Budget budget = clients.get(client);
        if (budget != null
                && now.isBefore(budget.windowStart().plus(properties.clientBudgetWindow()))
                && budget.count() >= properties.clientFailureBudget()) {
            return false;
        }
        Failures failures = pairs.get(new Pair(key(account), client));
        return failures == null || !now.isBefore(failures.last().plus(delay(failures.count())));
    }

    /** How long the next attempt must wait after {@code count} failures in a row. */
    Duration delay(int count) {
        int over = count - properties.freeFailures();
        if (over < 0) {
            return Duration.ZERO;
        }
        long seconds = over >= 30 ? Long.MAX_VALUE : 1L << over;
        Duration delay =
                Duration.ofSeconds(Math.min(seconds, properties.maxDelay().toSeconds()));
        return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
    }

    void failed(String account, String client) {
        Instant now = clock.instant();
        pairs.merge(
                new Pair(key(account), client), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        clients.merge(
                client,
                new Budget(1, now),
                (old, one) -> now.isBefore(old.windowStart().plus(properties.clientBudgetWindow()))
                        ? new Budget(old.count() + 1, old.windowStart())
                        : one);
        if (pairs.size() > MAX_ENTRIES || clients.size() > MAX_ENTRIES) {
            forgetExpired(now);
        }
    }

    void succeeded(String account, String client) {
        pairs.remove(new Pair(key(account), client));
    }

    /**
     * What the city administrator sees on the accounts page (never the person signing in): the account names
     * whose sign-in is being slowed now, from at least one address.
     *
     * @return per typed account name (stripped, at most 64 characters; existing or not): until when the slowest
     *     of its addresses must wait, the most wrong passwords in a row from one address, and from how many
     *     addresses it is slowed
     */
    Map<String, Throttled> throttledAccounts() {
        Instant now = clock.instant();
        Map<String, Throttled> throttled = new HashMap<>();
        pairs.forEach((pair, failures) -> {
            Instant until = failures.last().plus(delay(failures.count()));
            if (now.isBefore(until)) {
                throttled.merge(
                        pair.account(),
                        new Throttled(until, failures.count(), 1),
                        (a, b) -> new Throttled(
                                a.until().isAfter(b.until()) ? a.until() : b.until(),
                                Math.max(a.failures(), b.failures()),
                                a.addresses() + b.addresses()));
            }
        });
        return throttled;
    }

    /** @return how many client addresses have used up their budget of wrong passwords for now */
    long addressesOverBudget() {
        Instant now = clock.instant();
        return clients.values().stream()
                .filter(b -> now.isBefore(b.windowStart().plus(properties.clientBudgetWindow()))
                        && b.count() >= properties.clientFailureBudget())
                .count();
    }

    /**
     * One account's throttle, for the administrator.
     *
     * @param until     when the slowest of its addresses may try again
     * @param failures  the most wrong passwords in a row from one address
     * @param addresses how many addresses are being slowed for it
     */
    record Throttled(Instant until, int failures, int addresses) {}

    /** @return wrong passwords in a row one address may type for one account before it is slowed */
    int freeFailures() {
        return properties.freeFailures();
    }

    /** Entries held, for tests. */
    long size() {
        return (long) pairs.size() + clients.size();
    }

    private void forgetExpired(Instant now) {
        pairs.values().removeIf(f -> !now.isBefore(f.last().plus(properties.maxDelay())));
        clients.values().removeIf(b -> !now.isBefore(b.windowStart().plus(properties.clientBudgetWindow())));
        // Still full (a flood of distinct names): forget all rather than grow without bound.
        if (pairs.size() > MAX_ENTRIES) {
            pairs.clear();
        }
        if (clients.size() > MAX_ENTRIES) {
            clients.clear();
        }
    }

    private static String key(String account) {
        String name = account == null ? "" : account.strip();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
