package org.nuanxin.membership.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.identity.ResidentIdNumber;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * Finds the receiving union of an application or a transfer in the territorial tree: for work-location enrollment
 * the township union of the township picked (or the district federation when only a district is known, e.g. from
 * the phone's position); for origin-location enrollment the federation of the home county that the identity
 * number's address code (GB/T 2260) names. Only Chongqing's unions (codes 50xxxx) are served.
 */
@Component
public class UnionPicker {

    private final Organizations organizations;

    UnionPicker(Organizations organizations) {
        this.organizations = organizations;
    }

    /**
     * @param district 6-digit district code
     * @param township 9-digit township code of that district, or blank
     * @param problems where refusals go (fields {@code district}, {@code township})
     * @return the union, or empty with a problem added
     */
    public Optional<Organization> workLocation(
            @Nullable String district, @Nullable String township, List<FieldProblem> problems) {
        String d = district == null ? "" : district.strip();
        String t = township == null ? "" : township.strip();
        if (d.isEmpty()) {
            problems.add(FieldProblem.of("district", "membership.join.district.required"));
            return Optional.empty();
        }
        if (!d.matches("50\\d{4}") || d.equals("500000")) {
            problems.add(FieldProblem.of("district", "membership.join.district.unknown", d));
            return Optional.empty();
        }
        if (!t.isEmpty()) {
            if (!t.matches("\\d{9}") || !t.startsWith(d)) {
                problems.add(FieldProblem.of("township", "membership.join.township.unknown", t));
                return Optional.empty();
            }
            Optional<Organization> union = organizations.territorial(t);
            if (union.isEmpty()) {
                problems.add(FieldProblem.of("township", "membership.join.township.unknown", t));
            }
            return union;
        }
        Optional<Organization> union = organizations.territorial(d);
        if (union.isEmpty()) {
            problems.add(FieldProblem.of("district", "membership.join.district.unknown", d));
        }
        return union;
    }

    /**
     * @param number the applicant's identity number
     * @param problems where a refusal goes (field {@code route}: the home county is outside Chongqing, or the number
     *     is a permit that names none)
     * @return the home county's federation, or empty with a problem added
     */
    public Optional<Organization> originLocation(ResidentIdNumber number, List<FieldProblem> problems) {
        Optional<Organization> union = number.homeCountyCode()
                .filter(code -> code.startsWith("50") && !code.equals("500000"))
                .flatMap(organizations::territorial);
        if (union.isEmpty()) {
            problems.add(FieldProblem.of(
                    "route",
                    number.homeCountyCode().isPresent()
                            ? "membership.join.origin.outside"
                            : "membership.join.origin.none"));
        }
        return union;
    }
}
