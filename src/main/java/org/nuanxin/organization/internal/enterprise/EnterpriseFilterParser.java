package org.nuanxin.organization.internal.enterprise;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.Division;
import org.nuanxin.geo.Divisions;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The one reader of registry filters from request parameters, for the console list and its xlsx export.
 * Strict: a district, industry, union status, flag or organisation that is not recognised is an error
 * naming it, never "no filter". The organisation filter only narrows: the repository cuts it with the
 * user's scope ({@code DataScope.narrowTo}), so another district's organisation changes nothing.
 */
@Component
class EnterpriseFilterParser {

    private final Divisions divisions;

    EnterpriseFilterParser(Divisions divisions) {
        this.divisions = divisions;
    }

    /**
     * @param flags flag names (PLATFORM, HEAD, BACKBONE), repeated or comma-separated
     * @throws InvalidInputException naming {@code district}, {@code industry}, {@code union}, {@code flag} or
     *     {@code organization}
     */
    EnterpriseFilter parse(
            @Nullable String q,
            @Nullable String district,
            @Nullable String industry,
            @Nullable String union,
            @Nullable List<String> flags,
            @Nullable String organization) {
        List<FieldProblem> problems = new ArrayList<>();
        String districtCode = null;
        if (!blank(district)) {
            districtCode = divisions
                    .districtByName(district.strip())
                    .map(Division::code)
                    .orElse(null);
            if (districtCode == null) {
                problems.add(FieldProblem.of("district", "enterprise.error.district", district.strip()));
            }
        }
        Industry ind = null;
        if (!blank(industry)) {
            ind = Industry.parse(industry).orElse(null);
            if (ind == null) {
                problems.add(FieldProblem.of("industry", "enterprise.error.industry", industry.strip()));
            }
        }
        UnionStatus status = null;
        if (!blank(union)) {
            status = UnionStatus.parse(union).orElse(null);
            if (status == null) {
                problems.add(FieldProblem.of("union", "enterprise.error.unionStatus", union.strip()));
            }
        }
        Set<EnterpriseFilter.Flag> chosen = EnumSet.noneOf(EnterpriseFilter.Flag.class);
        for (String entry : flags == null ? List.<String>of() : flags) {
            for (String part : entry.split("[,，、\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    chosen.add(EnterpriseFilter.Flag.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(FieldProblem.of("flag", "enterprise.error.flagFilter", part.strip()));
                }
            }
        }
        Long org = null;
        if (!blank(organization)) {
            try {
                org = Long.parseLong(organization.strip());
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of("organization", "enterprise.error.organization", organization.strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new EnterpriseFilter(blank(q) ? null : q.strip(), districtCode, ind, status, chosen, org);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
