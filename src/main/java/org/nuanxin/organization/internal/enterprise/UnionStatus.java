package org.nuanxin.organization.internal.enterprise;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether an enterprise has founded its union (建会); stored by name in {@code enterprise.union_status}. */
enum UnionStatus {
    /** 未建会. */
    NONE("未建会", "无", "否"),
    /** 筹建中: preparing (a preparatory group exists, no union yet). */
    PREPARING("筹建中", "筹建"),
    /** 已建会: established, with a date and an enterprise union in the organisation tree. */
    ESTABLISHED("已建会", "已建", "是");

    private final String label;
    private final List<String> aliases;

    UnionStatus(String label, String... aliases) {
        this.label = label;
        this.aliases = List.of(aliases);
    }

    String label() {
        return label;
    }

    public String messageKey() {
        return "enterprise.union." + name();
    }

    /** @return the status named by code, label or alias, or empty */
    static Optional<UnionStatus> parse(String text) {
        String t = Industry.Texts.tidy(text);
        for (UnionStatus s : values()) {
            if (s.name().equals(t.toUpperCase(Locale.ROOT)) || s.label.equals(t) || s.aliases.contains(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
