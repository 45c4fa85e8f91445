package org.nuanxin.station;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fixed list of things a union station offers an outdoor worker. The Chinese label is the name
 * stations use on their signs; aliases are other names found in district rosters.
 */
public enum Amenity {
    WATER("饮水", List.of("饮用水", "热水", "开水", "喝水")),
    CHARGING("充电", List.of("手机充电", "充电宝", "充电桩")),
    REST("休息", List.of("休息区", "座椅", "歇脚")),
    TOILET("卫生间", List.of("厕所", "洗手间", "公厕")),
    MICROWAVE("微波炉", List.of("热饭", "加热")),
    AIR_CONDITIONING("空调", List.of("冷暖空调")),
    FIRST_AID("急救箱", List.of("药箱", "医药箱", "应急药箱")),
    BOOKS("图书", List.of("书籍", "书屋", "阅读", "微书屋")),
    HEALTH_KIOSK("健康监测", List.of("健康小屋", "血压计", "健康检测", "体检一体机")),
    WIFI("无线网络", List.of("WiFi", "wifi", "WIFI", "无线网")),
    LOCKER("储物柜", List.of("寄存", "存包")),
    REPAIR_KIT("维修工具", List.of("工具箱", "打气筒", "维修"));

    /**
     * What separates amenities in one text, the same everywhere (forms, rosters, filters, the API):
     * ASCII or full-width comma, 、, semicolon, slash, vertical bar, or white space.
     */
    public static final Pattern SEPARATOR = Pattern.compile("\\s*[,，、;；/|]\\s*|\\s+");

    private final String label;
    private final List<String> aliases;

    Amenity(String label, List<String> aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    /** @return the Chinese name shown on signs and in rosters, e.g. 饮水 */
    public String label() {
        return label;
    }

    /** @return the message key of the localised name */
    public String messageKey() {
        return "amenity." + name();
    }

    /** Reads an amenity from its code (WATER), label (饮水) or a known alias (热水); case and width are ignored. */
    public static Optional<Amenity> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        for (Amenity a : values()) {
            if (a.name().equalsIgnoreCase(t)
                    || a.label.equals(t)
                    || a.aliases.stream().anyMatch(alias -> alias.equalsIgnoreCase(t))) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The outcome of reading a list of amenities.
     *
     * @param amenities the amenities recognised
     * @param unknown   the items not recognised, as written (trimmed), in order
     */
    public record ParsedList(Set<Amenity> amenities, List<String> unknown) {

        public ParsedList {
            amenities = amenities.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(amenities));
            unknown = List.copyOf(unknown);
        }
    }

    /**
     * Reads amenities from texts that may each hold several, separated by {@link #SEPARATOR}
     * ({@code ["饮水,充电", "REST"]} or {@code ["饮水 充电 休息"]}); blanks are skipped.
     */
    public static ParsedList parseList(Collection<String> texts) {
        Set<Amenity> found = EnumSet.noneOf(Amenity.class);
        List<String> unknown = new ArrayList<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String item : SEPARATOR.split(
                    Normalizer.normalize(text, Normalizer.Form.NFKC).strip())) {
                if (!item.isEmpty()) {
                    parse(item).ifPresentOrElse(found::add, () -> unknown.add(item));
                }
            }
        }
        return new ParsedList(found, unknown);
    }
}
