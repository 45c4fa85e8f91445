package org.nuanxin.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code nuanxin.identity}.
 *
 * @param adminPassword   password of the first administrator; blank means generate one and log it once
 * @param maxFailedLogins consecutive wrong passwords that lock an account (default 5)
 * @param lockoutDuration how long a locked account stays locked (default 15 minutes)
 */
@ConfigurationProperties("nuanxin.identity")
public record IdentityProperties(String adminPassword, Integer maxFailedLogins, Duration lockoutDuration) {

    public IdentityProperties {
        adminPassword = adminPassword == null ? "" : adminPassword;
        maxFailedLogins = maxFailedLogins == null || maxFailedLogins < 1 ? 5 : maxFailedLogins;
        lockoutDuration =
                lockoutDuration == null || lockoutDuration.isNegative() ? Duration.ofMinutes(15) : lockoutDuration;
    }
}
