package org.nuanxin.organization.internal.enterprise;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the registry list and its export keep, besides the data scope (always applied). Null or empty
 * means "any".
 *
 * @param text         part of the name or the credit code
 * @param districtCode GB/T 2260 district code
 * @param industry     industry
 * @param unionStatus  union status
 * @param flags        flags that must all hold
 * @param organization an organisation whose subtree to keep; it narrows the user's scope, never widens it
 */
record EnterpriseFilter(
        @Nullable String text,
        @Nullable String districtCode,
        @Nullable Industry industry,
        @Nullable UnionStatus unionStatus,
        Set<Flag> flags,
        @Nullable Long organization) {

    EnterpriseFilter {
        flags = Set.copyOf(flags);
    }

    static final EnterpriseFilter ALL = new EnterpriseFilter(null, null, null, null, Set.of(), null);

    /** The flags of an enterprise, as the list filters by them. */
    enum Flag {
        PLATFORM("platform"),
        HEAD("head"),
        BACKBONE("backbone");

        private final String column;

        Flag(String column) {
            this.column = column;
        }

        /** @return the boolean column of {@code enterprise} */
        String column() {
            return column;
        }

        public String messageKey() {
            return "enterprise.flag." + name();
        }
    }
}
