package org.nuanxin.organization;

import java.time.LocalDate;

/**
 * An enterprise of the registry has established its union (建会): published through the outbox in the
 * transaction that records it (a console edit or an import), so reports and campaigns can react after
 * the commit. Listeners may be called twice for one event.
 *
 * @param enterpriseId        the enterprise's id in the registry
 * @param creditCode          its unified social credit code (GB 32100-2015, 18 characters)
 * @param unionOrganizationId the enterprise union (kind {@link OrganizationKind#ENTERPRISE_UNION}) in the tree
 * @param ownerOrganizationId the organisation that owns the enterprise's record
 * @param establishedOn       the date the union was established
 */
public record EnterpriseUnionEstablished(
        long enterpriseId,
        String creditCode,
        long unionOrganizationId,
        long ownerOrganizationId,
        LocalDate establishedOn) {}
