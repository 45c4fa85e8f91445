package org.nuanxin.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.identity.Role;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.People;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.ScopedUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * After a worker joins and is approved, the H2 database file and the log output hold neither their identity number
 * nor their mobile number in clear (PIPL art. 51); their masked forms are found in the file, which shows the file
 * was read after the row reached it.
 */
@NuanxinTest(
        properties =
                "spring.datasource.url=jdbc:h2:file:./target/privacy-h2/nuanxin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataAtRestTest {

    @Autowired
    WorkerMembershipService workers;

    @Autowired
    ReviewService reviews;

    @Autowired
    JdbcClient jdbc;

    @Test
    void neitherTheFileNorTheLogHoldsTheNumbersInClear(CapturedOutput output) throws Exception {
        String mobile = People.mobile();
        String id = People.idNumber("500103");
        CurrentWorker worker = new CurrentWorker(mobile);
        long memberId = workers.join(
                worker,
                new JoinRequest(
                        "隐私测试员",
                        id,
                        "快递员",
                        "",
                        EnrollmentRoute.WORK_LOCATION.name(),
                        "500103",
                        "500103003",
                        true,
                        WorkerMembershipService.NOTICE_VERSION));
        ScopedUser.signIn(ScopedUser.of(jdbc, "privacy-staff", Role.UNION_STAFF, "500103003"));
        try {
            reviews.approve(memberId, reviews.find(memberId).orElseThrow().version());
        } finally {
            SecurityContextHolder.clearContext();
        }
        workers.myData(worker);
        jdbc.sql("CHECKPOINT SYNC").update();

        byte[] file = Files.readAllBytes(Path.of("target/privacy-h2/nuanxin.mv.db"));
        String bytes = new String(file, StandardCharsets.ISO_8859_1);
        String national = mobile.substring(3);
        assertThat(bytes)
                .as("the masked forms are there: the file holds the row")
                .contains(org.nuanxin.identity.Masks.residentIdNumber(id), org.nuanxin.identity.Masks.mobile(mobile));
        assertThat(bytes).as("identity number").doesNotContain(id);
        assertThat(bytes).as("mobile number").doesNotContain(national);
        assertThat(output.getAll()).doesNotContain(id).doesNotContain(national);
    }
}
