package org.nuanxin.organization;

/**
 * What still belongs to an organisation, asked before it is dissolved: other modules that own records by
 * organisation implement it as a bean (the organisation module cannot call them: the dependency points from them
 * to here). An organisation is not dissolved while any implementation counts something.
 *
 * <p>Implemented by the station module (its stations) and, for identity (which must not depend on this module), by
 * this module's own {@code AccountOrganizationUsage} over identity's {@code AccountDirectory}.
 */
public interface OrganizationUsage {

    /**
     * @param organizationId the organisation about to be dissolved
     * @return how many of this module's active records the organisation itself owns (not its children's)
     */
    long count(long organizationId);

    /**
     * The message key saying what is counted, with the count as argument {0}, in the implementing module's bundle:
     * e.g. {@code station.organizationUsage} = 本组织还有 {0} 个驿站，请先将驿站转给其他组织.
     */
    String messageKey();
}
