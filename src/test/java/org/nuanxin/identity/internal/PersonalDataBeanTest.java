package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.PersonalDataKind;
import org.nuanxin.identity.SealedValue;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's {@link PersonalData} bean, with the test profile's keys. */
@NuanxinTest
class PersonalDataBeanTest {

    @Autowired
    PersonalData personalData;

    @Test
    void theBeanSealsWithTheConfiguredKeys() {
        SealedValue sealed = personalData.seal(PersonalDataKind.MOBILE, "+8613800138000");
        assertThat(personalData.open(sealed.ciphertext())).isEqualTo("+8613800138000");
        assertThat(sealed.lookupKey()).isEqualTo(personalData.lookupKey(PersonalDataKind.MOBILE, "+8613800138000"));
    }
}
