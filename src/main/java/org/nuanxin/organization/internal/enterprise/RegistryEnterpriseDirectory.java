package org.nuanxin.organization.internal.enterprise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.nuanxin.organization.EnterpriseDirectory;
import org.nuanxin.organization.UnifiedSocialCreditCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link EnterpriseDirectory} over the registry's {@code enterprise} table. */
@Component
class RegistryEnterpriseDirectory implements EnterpriseDirectory {

    private static final String SELECT = "SELECT id, name, credit_code, platform, organization_id FROM enterprise ";

    private final JdbcClient jdbc;

    RegistryEnterpriseDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Entry> find(long id) {
        return jdbc.sql(SELECT + "WHERE id = :id")
                .param("id", id)
                .query(RegistryEnterpriseDirectory::map)
                .optional();
    }

    @Override
    public Optional<Entry> findByCreditCode(String creditCode) {
        UnifiedSocialCreditCode.Result parsed = UnifiedSocialCreditCode.parse(creditCode);
        if (parsed.code().isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + "WHERE credit_code = :code")
                .param("code", parsed.code().get().value())
                .query(RegistryEnterpriseDirectory::map)
                .optional();
    }

    @Override
    public List<Entry> findByName(String name) {
        return jdbc.sql(SELECT + "WHERE name = :name ORDER BY id")
                .param("name", name.strip())
                .query(RegistryEnterpriseDirectory::map)
                .list();
    }

    @Override
    public List<Entry> platforms() {
        return jdbc.sql(SELECT + "WHERE platform = TRUE ORDER BY name, id LIMIT 500")
                .query(RegistryEnterpriseDirectory::map)
                .list();
    }

    /*
     * Columns read by name: JdbcClient's query(Entry.class) looks each property up among the columns under more
     * than one spelling (creditCode, organizationId), and H2 writes every miss as an exception to its trace file.
     */
    private static Entry map(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("credit_code"),
                rs.getBoolean("platform"),
                rs.getLong("organization_id"));
    }
}
