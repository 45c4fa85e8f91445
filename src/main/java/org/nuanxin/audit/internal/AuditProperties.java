package org.nuanxin.audit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code nuanxin.audit}.
 *
 * @param retention how long entries are kept (default 400 days: the legal six months plus a year-on-year
 *                  comparison); the Cybersecurity Law of the PRC (art. 21) requires at least six months
 * @throws IllegalArgumentException at start when {@code retention} is under {@link #MINIMUM_RETENTION}
 */
@ConfigurationProperties("nuanxin.audit")
public record AuditProperties(Duration retention) {

    /** Six months, rounded up: the least the law allows. */
    public static final Duration MINIMUM_RETENTION = Duration.ofDays(180);

    public AuditProperties {
        retention = retention == null ? Duration.ofDays(400) : retention;
        if (retention.compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalArgumentException("nuanxin.audit.retention must be at least 180 days (Cybersecurity Law"
                    + " of the PRC, art. 21: network logs are kept for no less than six months), not " + retention);
        }
    }
}
