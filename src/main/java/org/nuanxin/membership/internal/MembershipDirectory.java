package org.nuanxin.membership.internal;

import java.util.Optional;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.PersonalDataKind;
import org.nuanxin.identity.ResidentIdNumber;
import org.nuanxin.membership.ExistingMembership;
import org.nuanxin.membership.Memberships;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
import org.springframework.stereotype.Component;

/** {@link Memberships} over {@code member}, by the keyed hash of the identity number. */
@Component
class MembershipDirectory implements Memberships {

    private final MemberRepository repository;
    private final PersonalData personalData;
    private final Organizations organizations;

    MembershipDirectory(MemberRepository repository, PersonalData personalData, Organizations organizations) {
        this.repository = repository;
        this.personalData = personalData;
        this.organizations = organizations;
    }

    @Override
    public Optional<ExistingMembership> findByIdentityNumber(ResidentIdNumber number) {
        String key = personalData.lookupKey(PersonalDataKind.RESIDENT_ID_NUMBER, number.value());
        return repository.findByPersonKey(key).map(this::existing);
    }

    @Override
    public Optional<ExistingMembership> findByMobile(String mobile) {
        return repository
                .findByMobileKey(personalData.lookupKey(PersonalDataKind.MOBILE, mobile))
                .map(this::existing);
    }

    private ExistingMembership existing(Member m) {
        return new ExistingMembership(
                m.id(),
                m.state(),
                m.organizationId(),
                organizations.find(m.organizationId()).map(Organization::name).orElse(""),
                m.memberNumber());
    }
}
