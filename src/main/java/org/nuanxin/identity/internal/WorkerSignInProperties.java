package org.nuanxin.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the workers' sign-in by mobile number and one-time code, under {@code nuanxin.identity.worker-sign-in}.
 *
 * @param codeLifetime      how long a code may be used after it was sent (5 minutes)
 * @param maxWrongTries     wrong codes typed for one code before it stops working (5)
 * @param resendAfter       the shortest time between two codes for one number (60 s); an earlier request sends nothing
 * @param dailyCap          codes one number receives in 24 hours at most (10); further requests send nothing
 * @param clientCodeBudget  codes one client address may request in {@code clientWindow}, for all numbers (20)
 * @param clientWrongBudget wrong codes one client address may type in {@code clientWindow}, for all numbers (30)
 * @param clientWindow      the window of both client budgets (1 hour)
 */
@ConfigurationProperties("nuanxin.identity.worker-sign-in")
public record WorkerSignInProperties(
        Duration codeLifetime,
        Integer maxWrongTries,
        Duration resendAfter,
        Integer dailyCap,
        Integer clientCodeBudget,
        Integer clientWrongBudget,
        Duration clientWindow) {

    public WorkerSignInProperties {
        codeLifetime = positive(codeLifetime, Duration.ofMinutes(5));
        maxWrongTries = atLeastOne(maxWrongTries, 5);
        resendAfter = resendAfter == null || resendAfter.isNegative() ? Duration.ofSeconds(60) : resendAfter;
        dailyCap = atLeastOne(dailyCap, 10);
        clientCodeBudget = atLeastOne(clientCodeBudget, 20);
        clientWrongBudget = atLeastOne(clientWrongBudget, 30);
        clientWindow = positive(clientWindow, Duration.ofHours(1));
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }

    private static int atLeastOne(Integer value, int fallback) {
        return value == null || value < 1 ? fallback : value;
    }
}
