package org.nuanxin.organization;

import java.util.List;
import java.util.Optional;

/**
 * Reads of the enterprise registry for other modules (membership records a worker's platform enterprise; a
 * roster names it by credit code or name). Not scoped: an enterprise's name and credit code are public
 * registration data (National Enterprise Credit Information Publicity System), and a worker joining online may
 * name any platform of the city.
 */
public interface EnterpriseDirectory {

    /**
     * One enterprise as other modules see it.
     *
     * @param id             database id (stable, what other modules store)
     * @param name           registered name, e.g. 美团
     * @param creditCode     unified social credit code (GB 32100-2015), normalised, 18 characters
     * @param platform       a platform enterprise (平台企业)
     * @param organizationId the organisation that keeps its registry entry
     */
    record Entry(long id, String name, String creditCode, boolean platform, long organizationId) {}

    /** @return the enterprise with this id, or empty */
    Optional<Entry> find(long id);

    /**
     * @param creditCode a unified social credit code as typed (full-width characters, lower case and spaces are
     *     normalised as {@link UnifiedSocialCreditCode} does)
     * @return the enterprise registered with it, or empty (also for a malformed code)
     */
    Optional<Entry> findByCreditCode(String creditCode);

    /**
     * @param name the exact registered name (surrounding spaces ignored, nothing else)
     * @return the enterprises of that name: usually one; several when two are registered alike (a caller then asks
     *     for the credit code)
     */
    List<Entry> findByName(String name);

    /** @return the platform enterprises (平台企业) by name, for a worker's choice; at most 500 */
    List<Entry> platforms();
}
