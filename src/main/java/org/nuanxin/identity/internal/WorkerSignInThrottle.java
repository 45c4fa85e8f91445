package org.nuanxin.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Per client address budgets of the worker sign-in, kept in memory and bounded like {@link SignInThrottle}: at most
 * {@code clientCodeBudget} code requests (text messages cost money and can be used to flood someone's phone) and
 * {@code clientWrongBudget} wrong codes per address in {@code clientWindow}, whatever numbers they are for. The
 * per-number limits (one code per minute, a daily cap) are kept with the codes in the database
 * ({@link WorkerSignIn}), so they hold across nodes.
 */
@Component
class WorkerSignInThrottle {

    /** Most remembered addresses per budget; past it, ended windows are dropped, then everything. */
    static final int MAX_ENTRIES = 50_000;

    private record Budget(int count, Instant windowStart) {}

    private final ConcurrentHashMap<String, Budget> codes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Budget> wrongCodes = new ConcurrentHashMap<>();
    private final WorkerSignInProperties properties;
    private final Clock clock;

    WorkerSignInThrottle(WorkerSignInProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts a code request from this address.
     *
     * @return whether it is within the address's budget (when not, nothing may be sent)
     */
    boolean codeRequested(String client) {
        return count(codes, client, properties.clientCodeBudget());
    }

    /** @return whether this address may try a code now (it has not used up its wrong codes) */
    boolean allowsCodeCheck(String client) {
        Budget budget = wrongCodes.get(client);
        return budget == null || ended(budget, clock.instant()) || budget.count() < properties.clientWrongBudget();
    }

    /** Counts a wrong code typed from this address. */
    void wrongCode(String client) {
        count(wrongCodes, client, properties.clientWrongBudget());
    }

    /** Entries held, for tests. */
    long size() {
        return (long) codes.size() + wrongCodes.size();
    }

    private boolean count(ConcurrentHashMap<String, Budget> budgets, String client, int limit) {
        Instant now = clock.instant();
        Budget after = budgets.merge(
                client,
                new Budget(1, now),
                (old, one) -> ended(old, now) ? one : new Budget(old.count() + 1, old.windowStart()));
        if (budgets.size() > MAX_ENTRIES) {
            budgets.values().removeIf(b -> ended(b, now));
            // Still full (a flood of distinct addresses): forget all rather than grow without bound.
            if (budgets.size() > MAX_ENTRIES) {
                budgets.clear();
            }
        }
        return after.count() <= limit;
    }

    private boolean ended(Budget budget, Instant now) {
        return !now.isBefore(budget.windowStart().plus(properties.clientWindow()));
    }
}
