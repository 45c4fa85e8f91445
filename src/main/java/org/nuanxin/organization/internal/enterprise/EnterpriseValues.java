package org.nuanxin.organization.internal.enterprise;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The checked values of one enterprise, from a form or an import row (see {@link EnterpriseValidator});
 * what the registry stores except the owner and the enterprise union.
 */
record EnterpriseValues(
        String name,
        String creditCode,
        Industry industry,
        @Nullable EnterpriseSize size,
        String districtCode,
        boolean platform,
        boolean head,
        boolean backbone,
        @Nullable Integer workerCount,
        UnionStatus unionStatus,
        @Nullable LocalDate unionEstablishedOn,
        @Nullable String responsible,
        @Nullable String notes) {}
