package org.nuanxin.organization.internal.enterprise;

import java.util.Locale;
import java.util.Optional;

/**
 * Enterprise size after the classification of small and medium enterprises (工信部联企业〔2011〕300号):
 * stored by name in {@code enterprise.size}; empty when unknown.
 */
enum EnterpriseSize {
    MICRO("微型"),
    SMALL("小型"),
    MEDIUM("中型"),
    LARGE("大型");

    private final String label;

    EnterpriseSize(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    public String messageKey() {
        return "enterprise.size." + name();
    }

    /** @return the size named by code or label (微型, 微型企业, 微, micro …), or empty */
    static Optional<EnterpriseSize> parse(String text) {
        String t = Industry.Texts.tidy(text);
        for (EnterpriseSize s : values()) {
            if (s.name().equals(t.toUpperCase(Locale.ROOT))
                    || s.label.equals(t)
                    || (s.label + "企业").equals(t)
                    || s.label.substring(0, 1).equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
