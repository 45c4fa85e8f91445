package org.nuanxin.station.internal;

import org.nuanxin.organization.OrganizationUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the stations an organisation owns, so that it is not dissolved while it still keeps stations: they would
 * be left with an owner nobody works for. Every station counts, closed ones too (they are still on the roster).
 */
@Component
class StationOrganizationUsage implements OrganizationUsage {

    private final JdbcClient jdbc;

    StationOrganizationUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count(long organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM station WHERE organization_id = :id")
                .param("id", organizationId)
                .query(Long.class)
                .single();
    }

    @Override
    public String messageKey() {
        return "station.organizationUsage";
    }
}
