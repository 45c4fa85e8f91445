package org.nuanxin.membership;

import java.util.Optional;
import org.nuanxin.identity.ResidentIdNumber;

/**
 * Reads of memberships for other modules and for mass enrollment: one person, one membership (会员实名制), found by
 * the keyed hash of the identity number, never by its clear value.
 */
public interface Memberships {

    /**
     * The membership held under an identity number, whatever its state (also rejected and withdrawn ones, which a
     * new application may replace); erased records are not found.
     *
     * @param number a parsed number ({@link ResidentIdNumber#parse})
     * @return the existing membership, or empty
     */
    Optional<ExistingMembership> findByIdentityNumber(ResidentIdNumber number);

    /**
     * The membership of the person who signs in with a mobile number (the number a membership holds is its sign-in
     * number), whatever its state; erased records are not found. Used by grid to let members enrol as grid workers.
     *
     * @param mobile E.164, e.g. {@code +8613800138000}
     * @return the latest membership under that number, or empty
     */
    Optional<ExistingMembership> findByMobile(String mobile);
}
