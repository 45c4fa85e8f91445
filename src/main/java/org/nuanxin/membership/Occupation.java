package org.nuanxin.membership;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The occupation categories of new-employment-form workers that membership records (the categories of the ACFTU's
 * campaign for new-employment-form workers to join unions, 2021: couriers, food-delivery riders, ride-hailing
 * drivers, truck drivers, domestic workers). Stored by name in {@code member.occupation}.
 */
public enum Occupation {
    /** 快递员. */
    COURIER("快递员", "快递小哥", "快递", "快递员工", "派件员", "揽投员", "courier"),
    /** 外卖骑手 (网约配送员). */
    FOOD_DELIVERY_RIDER(
            "外卖骑手",
            "外卖员",
            "骑手",
            "外卖配送员",
            "网约配送员",
            "配送员",
            "送餐员",
            "外卖小哥",
            "外卖",
            "rider",
            "food delivery rider",
            "delivery rider"),
    /** 网约车司机. */
    RIDE_HAILING_DRIVER("网约车司机", "网约车驾驶员", "网约车", "专车司机", "快车司机", "ride-hailing driver", "ride hailing driver"),
    /** 货车司机 (including 网络货运). */
    TRUCK_DRIVER("货车司机", "货车驾驶员", "卡车司机", "货运司机", "大货车司机", "truck driver", "lorry driver"),
    /** 家政服务员. */
    DOMESTIC_WORKER("家政服务员", "家政", "家政人员", "家政工", "保洁员", "保姆", "月嫂", "育婴员", "domestic worker"),
    /** 其他. */
    OTHER("其他", "其它", "other");

    private static final Map<String, Occupation> BY_TEXT = new HashMap<>();

    static {
        for (Occupation o : values()) {
            BY_TEXT.put(key(o.name()), o);
            for (String synonym : o.synonyms) {
                BY_TEXT.put(key(synonym), o);
            }
        }
    }

    private final String[] synonyms;

    Occupation(String... synonyms) {
        this.synonyms = synonyms;
    }

    /**
     * Reads an occupation as staff and workers write it: the enum name ({@code FOOD_DELIVERY_RIDER}), the Chinese
     * name or a common synonym (外卖骑手, 外卖员, 骑手, 快递员, 网约车司机, 货车司机, 家政 ...), or the English name.
     * Full-width characters, case, spaces, underscores and hyphens do not matter.
     *
     * @param text the text, may be null
     * @return the occupation, or empty when the text names none (a caller reports it, never guesses OTHER)
     */
    public static Optional<Occupation> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_TEXT.get(key(text)));
    }

    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\u3000_\\-]", "")
                .toLowerCase(Locale.ROOT);
    }

    /** @return the message key of the name shown, e.g. {@code membership.occupation.COURIER} */
    public String messageKey() {
        return "membership.occupation." + name();
    }
}
