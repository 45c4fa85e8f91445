package org.nuanxin.organization.internal.enterprise;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The industries of enterprises that employ or dispatch new-employment-form workers, a fixed list
 * (issue 8). Stored by name in {@code enterprise.industry}; the label is the Chinese name written in
 * imports and exports.
 */
enum Industry {
    EXPRESS_DELIVERY("快递物流", "快递", "物流", "快递业"),
    FOOD_DELIVERY("外卖即时配送", "外卖", "即时配送", "外卖配送", "同城配送"),
    RIDE_HAILING("网约车", "网约车出行", "出行"),
    FREIGHT_PLATFORM("网络货运", "货运平台", "货车", "货运"),
    HOUSEKEEPING("家政服务", "家政"),
    OTHER("其他", "其它");

    private final String label;
    private final List<String> aliases;

    Industry(String label, String... aliases) {
        this.label = label;
        this.aliases = List.of(aliases);
    }

    /** @return the Chinese name, as imports and exports write it */
    String label() {
        return label;
    }

    /** @return the message key, e.g. {@code enterprise.industry.RIDE_HAILING} */
    public String messageKey() {
        return "enterprise.industry." + name();
    }

    /** @return the industry named by its code, label or an alias (full-width, case and spaces ignored), or empty */
    static Optional<Industry> parse(String text) {
        String t = Texts.tidy(text);
        for (Industry i : values()) {
            if (i.name().equals(t.toUpperCase(Locale.ROOT)) || i.label.equals(t) || i.aliases.contains(t)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Text as compared with names and labels. */
    static final class Texts {
        private Texts() {}

        static String tidy(String text) {
            return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s", "");
        }
    }
}
