package org.nuanxin.spreadsheet.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Looks up messages/spreadsheet*.properties directly rather than through Spring's MessageSource, so
 * the reader works the same in plain unit tests and in other modules' tests. The same files are on
 * spring.messages.basename, so views can use the keys too.
 */
final class Messages {

    /** Long lists (formula cells, merged ranges) are cut here in the summary message. */
    static final int LIST_LIMIT = 20;

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    static Messages forLocale(Locale locale) {
        Locale effective = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
        // No fallback to the JVM's default locale: the base bundle (Chinese) is the default, whatever
        // the server's locale is.
        ResourceBundle bundle = ResourceBundle.getBundle(
                "messages.spreadsheet",
                effective,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, effective);
    }

    String get(String key, Object... args) {
        return new MessageFormat(bundle.getString("spreadsheet." + key), locale).format(args);
    }

    /** Joins items with the language's list separator, ending with "and N in all" when cut. */
    String list(List<String> items) {
        return list(items, items.size());
    }

    /** @param total how many there are in all, when items holds only the first of them */
    String list(List<String> items, int total) {
        String separator = bundle.getString("spreadsheet.listSeparator");
        if (items.size() <= LIST_LIMIT && total <= items.size()) {
            return String.join(separator, items);
        }
        return String.join(separator, items.subList(0, Math.min(LIST_LIMIT, items.size())))
                + get("andMore", String.valueOf(total));
    }
}
