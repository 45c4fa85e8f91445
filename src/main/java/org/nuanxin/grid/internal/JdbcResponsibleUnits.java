package org.nuanxin.grid.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.grid.GridPermissions;
import org.nuanxin.grid.GridPermissions.Action;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ResponsibleUnits}: an edited row of {@code grid_responsible_unit} wins; without one, the default of
 * {@code grid/responsible-units.csv} for the category with the district's name filled in.
 */
@Component
class JdbcResponsibleUnits implements ResponsibleUnits {

    private static final int MAX = 100;

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final GridPermissions permissions;
    private final AuditLog audit;
    private final CityTime time;
    private final Map<HazardCategory, String> defaults;

    JdbcResponsibleUnits(
            JdbcClient jdbc, Divisions divisions, GridPermissions permissions, AuditLog audit, CityTime time) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.permissions = permissions;
        this.audit = audit;
        this.time = time;
        this.defaults = readDefaults();
    }

    private static Map<HazardCategory, String> readDefaults() {
        Map<HazardCategory, String> map = new EnumMap<>(HazardCategory.class);
        try (InputStream in = JdbcResponsibleUnits.class.getResourceAsStream("/grid/responsible-units.csv")) {
            if (in == null) {
                throw new IllegalStateException("grid/responsible-units.csv is missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("category,")) {
                    continue;
                }
                int comma = l.indexOf(',');
                map.put(
                        HazardCategory.valueOf(l.substring(0, comma)),
                        l.substring(comma + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (HazardCategory c : HazardCategory.values()) {
            if (!map.containsKey(c)) {
                throw new IllegalStateException("grid/responsible-units.csv has no unit for " + c);
            }
        }
        return map;
    }

    @Override
    public ResponsibleUnit unitFor(HazardCategory category, String districtCode) {
        return jdbc.sql("SELECT unit_name, contact FROM grid_responsible_unit"
                        + " WHERE category = :category AND district_code = :district")
                .param("category", category.name())
                .param("district", districtCode)
                .query((rs, n) ->
                        new ResponsibleUnit(category, districtCode, rs.getString("unit_name"), rs.getString("contact")))
                .optional()
                .orElseGet(() -> defaultFor(category, districtCode));
    }

    private ResponsibleUnit defaultFor(HazardCategory category, String districtCode) {
        String name = divisions.byCode(districtCode).map(Division::name).orElse("");
        return new ResponsibleUnit(
                category, districtCode, defaults.get(category).replace("{district}", name), "");
    }

    @Override
    public List<ResponsibleUnit> ofDistrict(String districtCode) {
        List<ResponsibleUnit> units = new ArrayList<>();
        for (HazardCategory c : HazardCategory.values()) {
            units.add(unitFor(c, districtCode));
        }
        return units;
    }

    @Override
    @Transactional
    public void update(HazardCategory category, String districtCode, String unitName, String contact) {
        permissions.check(Action.MANAGE_UNITS);
        String name = unitName == null ? "" : unitName.strip();
        String phone = contact == null ? "" : contact.strip();
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Division> district = divisions.byCode(districtCode).filter(d -> d.level() == Division.Level.DISTRICT);
        if (district.isEmpty()) {
            problems.add(FieldProblem.of("districtCode", "grid.block.district.unknown"));
        }
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("unitName", "grid.unit.name.required"));
        } else if (name.length() > MAX) {
            problems.add(FieldProblem.of("unitName", "grid.unit.name.tooLong", MAX));
        }
        if (phone.length() > MAX) {
            problems.add(FieldProblem.of("contact", "grid.unit.contact.tooLong", MAX));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var now = JdbcReportService.utc(time.now());
        int updated = jdbc.sql("UPDATE grid_responsible_unit SET unit_name = :name, contact = :contact,"
                        + " updated_at = :now WHERE category = :category AND district_code = :district")
                .param("name", name)
                .param("contact", phone)
                .param("now", now)
                .param("category", category.name())
                .param("district", districtCode)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO grid_responsible_unit (category, district_code, unit_name, contact, updated_at)"
                            + " VALUES (:category, :district, :name, :contact, :now)")
                    .param("name", name)
                    .param("contact", phone)
                    .param("now", now)
                    .param("category", category.name())
                    .param("district", districtCode)
                    .update();
        }
        audit.record("grid.unit.update", "grid_responsible_unit", category.name() + "@" + districtCode, null);
    }
}
