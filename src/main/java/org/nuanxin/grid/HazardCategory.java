package org.nuanxin.grid;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fixed taxonomy of hazards a grid worker reports, in the spirit of GB/T 30428.1-2013 (数字化城市管理信息系统 第1部分:
 * 单元网格) and GB/T 30428.2 (管理部件和事件): each category names the urban-management component or event class it
 * corresponds to. The {@link #serviceCode()} is the Open311 GeoReport v2 {@code service_code}; the interface names
 * are {@code grid.category.<NAME>} in messages/grid*.properties. Each category has a default responsible unit per
 * district (the maintained list {@code grid_responsible_unit}).
 */
public enum HazardCategory {
    /** Road surface damage or subsidence: potholes, a sunken patch (GB/T 30428.2 部件 道路 / 事件 路面破损). */
    ROAD_SURFACE("road_surface", "道路设施-路面"),
    /** Manhole cover missing, broken or loose (部件 公用设施-井盖: 上水、污水、雨水、电力、通信…). */
    MANHOLE_COVER("manhole_cover", "公用设施-井盖"),
    /** Traffic signal or road sign fault (部件 交通设施-信号灯、交通标志牌). */
    TRAFFIC_SIGNAL("traffic_signal", "交通设施-信号灯与标志"),
    /** Street light out (部件 公用设施-路灯). */
    STREET_LIGHT("street_light", "公用设施-路灯"),
    /** Fallen tree, branch or obstacle on the road (部件 园林绿化-行道树 / 事件 道路障碍). */
    FALLEN_TREE("fallen_tree", "园林绿化-倒伏树木与障碍物"),
    /** Waterlogging after rain (事件 突发事件-道路积水). */
    WATERLOGGING("waterlogging", "突发事件-道路积水"),
    /** Unsafe construction site: open trench, no fence or lights (事件 施工管理-施工安全). */
    CONSTRUCTION("construction", "施工管理-施工安全隐患"),
    /** A lane or cycle lane blocked by parked vehicles, stalls or goods (事件 街面秩序-占道). */
    BLOCKED_LANE("blocked_lane", "街面秩序-占道"),
    /** Anything else that endangers riders on the road (其他事件). */
    OTHER("other", "其他");

    private final String serviceCode;
    private final String standardClass;

    HazardCategory(String serviceCode, String standardClass) {
        this.serviceCode = serviceCode;
        this.standardClass = standardClass;
    }

    /** @return the Open311 {@code service_code}, lower case ({@code road_surface}) */
    public String serviceCode() {
        return serviceCode;
    }

    /** @return the GB/T 30428 component or event class it maps to, as the standard names it (Chinese) */
    public String standardClass() {
        return standardClass;
    }

    /** @return the message key of its name, {@code grid.category.ROAD_SURFACE} */
    public String messageKey() {
        return "grid.category." + name();
    }

    /** @return the category of an Open311 service code or of an enum name (case-insensitive); empty when none */
    public static Optional<HazardCategory> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values())
                .filter(c -> c.serviceCode.equalsIgnoreCase(t) || c.name().equalsIgnoreCase(t))
                .findFirst();
    }
}
