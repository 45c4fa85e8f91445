package org.nuanxin.station;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/** The kind of place that hosts a union station (依托场所). */
public enum HostType {
    SHOPPING_MALL("商圈商场", List.of("商场", "商圈", "购物中心", "商业综合体")),
    BANK("银行营业厅", List.of("银行", "银行网点", "银行营业网点")),
    PARTY_MASS_SERVICE_CENTRE("党群服务中心", List.of("党群服务站", "党群中心")),
    ENTERPRISE("企业", List.of("公司", "园区", "站点")),
    PUBLIC_SQUARE("市政广场", List.of("广场", "公园")),
    TOURIST_CENTRE("游客集散中心", List.of("游客中心", "景区")),
    COMMUNITY_SERVICE_STATION("社区服务站", List.of("社区", "社区服务中心", "街道", "便民服务中心")),
    OTHER("其他", List.of());

    private final String label;
    private final List<String> aliases;

    HostType(String label, List<String> aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    /** @return the Chinese name used in rosters, e.g. 银行营业厅 */
    public String label() {
        return label;
    }

    /** @return the message key of the localised name */
    public String messageKey() {
        return "hostType." + name();
    }

    /** Reads a host type from its code, its label or a known alias; empty when unknown. */
    public static Optional<HostType> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        for (HostType h : values()) {
            if (h.name().equalsIgnoreCase(t) || h.label.equals(t) || h.aliases.contains(t)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
