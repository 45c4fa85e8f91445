package org.nuanxin.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code nuanxin.identity}.
 *
 * @param adminPassword            password of the first administrator; blank means generate one and log it once
 * @param sessionAbsoluteLifetime  a signed-in session ends this long after the sign-in, however active (12 h)
 * @param freeFailures             wrong passwords one client may type for one account before it must wait (5)
 * @param maxDelay                 the longest wait the per-account back-off imposes (15 minutes)
 * @param clientFailureBudget      wrong passwords one client address may type for all accounts in
 *                                 {@code clientBudgetWindow} before its attempts are refused (30)
 * @param clientBudgetWindow       the window of the per-client budget (15 minutes)
 * @param metricsPassword          password of the Prometheus scrape user {@code prometheus}; blank: no scrape user
 */
@ConfigurationProperties("nuanxin.identity")
public record IdentityProperties(
        String adminPassword,
        Duration sessionAbsoluteLifetime,
        Integer freeFailures,
        Duration maxDelay,
        Integer clientFailureBudget,
        Duration clientBudgetWindow,
        String metricsPassword) {

    public IdentityProperties {
        adminPassword = adminPassword == null ? "" : adminPassword;
        sessionAbsoluteLifetime = positive(sessionAbsoluteLifetime, Duration.ofHours(12));
        freeFailures = freeFailures == null || freeFailures < 1 ? 5 : freeFailures;
        maxDelay = positive(maxDelay, Duration.ofMinutes(15));
        clientFailureBudget = clientFailureBudget == null || clientFailureBudget < 1 ? 30 : clientFailureBudget;
        clientBudgetWindow = positive(clientBudgetWindow, Duration.ofMinutes(15));
        metricsPassword = metricsPassword == null ? "" : metricsPassword;
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
