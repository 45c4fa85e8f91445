package org.nuanxin.grid.internal;

import java.util.List;
import org.nuanxin.grid.HazardCategory;

/**
 * The maintained list of default responsible units per category and district. Seeded on first start from
 * {@code grid/responsible-units.csv} (one row per category, {@code {district}} replaced by the district's name);
 * the city administrator edits it (MANAGE_UNITS, audited as {@code grid.unit.update}).
 */
public interface ResponsibleUnits {

    /** @return the unit for a category in a district */
    ResponsibleUnit unitFor(HazardCategory category, String districtCode);

    /** @return the units of a district, in category order */
    List<ResponsibleUnit> ofDistrict(String districtCode);

    /**
     * @throws org.nuanxin.kernel.InvalidInputException on {@code unitName} (blank, over 100) or {@code contact} (over 100)
     */
    void update(HazardCategory category, String districtCode, String unitName, String contact);
}
