package org.nuanxin.audit.internal;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Purges audit entries older than {@code nuanxin.audit.retention} once a day (04:10 Asia/Shanghai,
 * when the console is quiet). Every node may run it: deleting the same old rows twice is harmless.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AuditProperties.class)
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcAuditLog auditLog;
    private final AuditProperties properties;
    private final Clock clock;

    AuditRetention(JdbcAuditLog auditLog, AuditProperties properties, Clock clock) {
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes what is past retention; returns how many entries. */
    @Scheduled(cron = "${nuanxin.audit.purge-cron:0 10 4 * * *}", zone = "${nuanxin.time-zone:Asia/Shanghai}")
    public int purge() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int deleted = auditLog.purgeBefore(cutoff);
        if (deleted > 0) {
            log.info("Audit log: purged {} entries older than {}", deleted, cutoff);
        }
        return deleted;
    }
}
