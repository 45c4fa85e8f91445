package org.nuanxin.spreadsheet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns a capability expects in an uploaded sheet, in the order it would export them.
 *
 * @param columns the columns; keys must be unique
 * @throws IllegalArgumentException if there are no columns or two share a key
 */
public record SheetSchema(List<ColumnSpec> columns) {

    public SheetSchema {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a sheet schema needs at least one column");
        }
        Set<String> keys = new HashSet<>();
        for (ColumnSpec column : columns) {
            if (!keys.add(column.key())) {
                throw new IllegalArgumentException("duplicate column key " + column.key());
            }
        }
    }

    public static SheetSchema of(ColumnSpec... columns) {
        return new SheetSchema(List.of(columns));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<ColumnSpec> column(String key) {
        for (ColumnSpec c : columns) { // a handful of columns, asked for every cell of a large roster: no stream
            if (c.key().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The canonical headers in schema order, handy as the header row of an export. */
    public List<String> headers() {
        return columns.stream().map(ColumnSpec::header).toList();
    }

    /** Collects columns in order. */
    public static final class Builder {
        private final List<ColumnSpec> columns = new ArrayList<>();

        private Builder() {}

        public Builder required(String key, String header, String... aliases) {
            columns.add(ColumnSpec.required(key, header, aliases));
            return this;
        }

        public Builder optional(String key, String header, String... aliases) {
            columns.add(ColumnSpec.optional(key, header, aliases));
            return this;
        }

        public SheetSchema build() {
            return new SheetSchema(columns);
        }
    }
}
