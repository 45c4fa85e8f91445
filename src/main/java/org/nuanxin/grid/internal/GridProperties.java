package org.nuanxin.grid.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nuanxin.grid.*}: {@code verify-within} is the SLA for verifying a new report (default 24h, issue 10), after
 * which the triage queue shows it overdue.
 */
@ConfigurationProperties("nuanxin.grid")
record GridProperties(@DefaultValue("24h") Duration verifyWithin) {

    GridProperties {
        if (verifyWithin.isNegative() || verifyWithin.isZero()) {
            throw new IllegalArgumentException("nuanxin.grid.verify-within must be positive");
        }
    }
}
