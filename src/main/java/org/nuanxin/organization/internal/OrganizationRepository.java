package org.nuanxin.organization.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.OrganizationKind;
import org.nuanxin.organization.Organizations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code organization} with plain SQL that runs on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
class OrganizationRepository implements Organizations {

    static final String COLUMNS = """
            o.id, o.name, o.kind, o.parent_id, o.division_code, o.credit_code, o.established_on, o.status,
            o.contact_name, o.contact_phone, o.version""";

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Organization> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization o WHERE o.id = :id")
                .param("id", id)
                .query(OrganizationRepository::map)
                .optional();
    }

    @Override
    public Optional<Organization> territorial(String divisionCode) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM organization o
                WHERE o.division_code = :code AND o.status = 'ACTIVE'
                  AND o.kind IN ('MUNICIPAL_FEDERATION', 'DISTRICT_FEDERATION', 'TOWNSHIP_UNION')""")
                .param("code", divisionCode)
                .query(OrganizationRepository::map)
                .optional();
    }

    static Organization map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        Date established = rs.getDate("established_on");
        return new Organization(
                rs.getLong("id"),
                rs.getString("name"),
                OrganizationKind.valueOf(rs.getString("kind")),
                parentId,
                rs.getString("division_code"),
                rs.getString("credit_code"),
                established == null ? null : established.toLocalDate(),
                "ACTIVE".equals(rs.getString("status")),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getInt("version"));
    }
}
