package org.nuanxin.grid.internal;

import org.nuanxin.grid.HazardCategory;

/**
 * The default unit a category's reports are forwarded to in a district ({@code grid_responsible_unit}).
 *
 * @param category     the category
 * @param districtCode the 6-digit district
 * @param unitName     e.g. 渝北区城市管理局
 * @param contact      a duty phone or office, may be empty
 */
public record ResponsibleUnit(HazardCategory category, String districtCode, String unitName, String contact) {}
