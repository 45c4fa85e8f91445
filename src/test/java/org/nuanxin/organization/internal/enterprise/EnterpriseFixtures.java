package org.nuanxin.organization.internal.enterprise;

import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.Role;
import org.nuanxin.organization.UnifiedSocialCreditCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Test helpers of the registry: users of an organisation, valid synthetic credit codes, forms. */
final class EnterpriseFixtures {

    private EnterpriseFixtures() {}

    /** A signed-in staff member of one organisation, as the permissions and the data scope see them. */
    record StaffPrincipal(CurrentUser currentUser) implements CurrentUser.Principal, java.security.Principal {
        @Override
        public String getName() {
            return currentUser.username();
        }
    }

    /** Acts, on this thread, as {@code username} with {@code role} in organisation {@code organizationId}. */
    static void actAs(String username, Role role, long organizationId) {
        CurrentUser user = new CurrentUser(username, username, role, organizationId);
        var auth = new TestingAuthenticationToken(new StaffPrincipal(user), "n/a", role.authority());
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * A valid synthetic code of an enterprise (91) registered in {@code district}, distinct per {@code n}:
     * organisation code {@code TK} + 6 digits of {@code n} and its GB 11714 check, then the GB 32100 check.
     */
    static String code(String district, int n) {
        String body = "TK" + String.format("%06d", n);
        String first17 = "91" + district + body + UnifiedSocialCreditCode.organisationCodeCheck(body);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** The same code with a wrong 18th character. */
    static String wrongCheck(String code) {
        char good = code.charAt(17);
        return code.substring(0, 17) + (good == '0' ? '1' : '0');
    }

    static EnterpriseInput input(String name, String code, String district) {
        return new EnterpriseInput(
                name, code, "外卖", "小型", district, "是", null, null, "120", "未建会", null, "staff", null, null, null);
    }

    static EnterpriseInput established(String name, String code, String district, String date, String parent) {
        return new EnterpriseInput(
                name,
                code,
                "快递",
                "大型",
                district,
                "是",
                "是",
                null,
                "3000",
                "ESTABLISHED",
                date,
                null,
                null,
                parent,
                null);
    }

    /** The id of the territorial organisation of a division code. */
    static long org(JdbcClient jdbc, String divisionCode) {
        return org.nuanxin.support.StaffAccounts.organization(jdbc, divisionCode);
    }
}
