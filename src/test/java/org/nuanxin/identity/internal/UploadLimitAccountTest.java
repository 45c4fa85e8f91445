package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whom an upload counts against (UploadLimitFilter lets each account send two at a time): every worker's principal
 * has the same name, so riders must be told apart by their number, or all riders of the city would share two
 * uploads (a load of eight riders reporting at once got 429 for most reports).
 */
class UploadLimitAccountTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static String as(Object principal, String authority) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        principal, null, List.of(new SimpleGrantedAuthority(authority))));
        return UploadLimitFilter.signedInAccount();
    }

    @Test
    void twoRidersAreTwoAccountsAndOneRiderIsOne() {
        String first = as(new WorkerPrincipal("+8613912345678"), "ROLE_WORKER");
        String second = as(new WorkerPrincipal("+8613987654321"), "ROLE_WORKER");
        String firstAgain = as(new WorkerPrincipal("+8613912345678"), "ROLE_WORKER");

        assertThat(first).isNotEqualTo(second).isEqualTo(firstAgain);
    }

    @Test
    void staffCountByTheirUsernameAndAnonymousByNobody() {
        assertThat(as("zhangsan", "ROLE_UNION_STAFF")).isEqualTo("zhangsan");
        SecurityContextHolder.clearContext();
        assertThat(UploadLimitFilter.signedInAccount()).isNull();
    }
}
