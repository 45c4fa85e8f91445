package org.nuanxin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit module started alone (it depends on no other module, so every module may record into it):
 * an entry names the signed-in actor and commits or rolls back with the caller's transaction.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class AuditModuleTest {

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    @Test
    @WithMockUser(username = "module-tester", roles = "UNION_STAFF")
    void anEntryCommitsAndRollsBackWithTheChange() {
        String kept = "K-" + UUID.randomUUID();
        String dropped = "D-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> audit.record("station.update", "station", kept, null));
        transactions.executeWithoutResult(tx -> {
            audit.record("station.update", "station", dropped, null);
            tx.setRollbackOnly();
        });

        assertThat(audit.search(new AuditQuery("module-tester", "station.", kept, null, null), PageRequest.of(0, 10))
                        .getContent())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("module-tester");
                    assertThat(e.recordType()).isEqualTo("station");
                });
        assertThat(audit.search(new AuditQuery(null, null, dropped, null, null), PageRequest.of(0, 10))
                        .getTotalElements())
                .isZero();
    }
}
