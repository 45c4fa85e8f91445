package org.nuanxin.membership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nuanxin.identity.ResidentIdNumber;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.organization.EnterpriseDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The membership module boots with the modules it uses (identity, organization, audit, kernel) and answers through
 * its API: an identity number nobody holds has no membership; the enterprise directory it uses is there.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class MembershipModuleTest {

    @Autowired
    Memberships memberships;

    @Autowired
    EnterpriseDirectory enterprises;

    @Autowired
    CityTime time;

    @Test
    void anUnknownNumberHasNoMembership() {
        ResidentIdNumber number = ResidentIdNumber.parse("11010519491231002X", time.today());
        assertThat(memberships.findByIdentityNumber(number)).isEmpty();
        assertThat(enterprises.find(-1)).isEmpty();
    }
}
