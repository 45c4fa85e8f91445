package org.nuanxin.kernel.internal;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module shares.
 *
 * @param timeZone the time zone of the city the platform serves ({@code nuanxin.time-zone})
 */
@ConfigurationProperties("nuanxin")
record KernelProperties(@DefaultValue("Asia/Shanghai") ZoneId timeZone) {}
