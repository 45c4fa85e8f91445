package org.nuanxin.station;

import java.util.Optional;

/** Whether a station is serving workers. Only {@link #OPEN} stations are offered by the finder. */
public enum StationStatus {
    OPEN("开放"),
    SUSPENDED("暂停"),
    CLOSED("关闭");

    private final String label;

    StationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String messageKey() {
        return "status." + name();
    }

    /** Reads a status from its code or Chinese label (开放/正常, 暂停/暂停服务, 关闭/撤销). */
    public static Optional<StationStatus> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        return switch (t) {
            case "开放", "正常", "运营", "运行" -> Optional.of(OPEN);
            case "暂停", "暂停服务", "停用" -> Optional.of(SUSPENDED);
            case "关闭", "撤销", "已关闭" -> Optional.of(CLOSED);
            default -> {
                for (StationStatus s : values()) {
                    if (s.name().equalsIgnoreCase(t)) {
                        yield Optional.of(s);
                    }
                }
                yield Optional.empty();
            }
        };
    }
}
