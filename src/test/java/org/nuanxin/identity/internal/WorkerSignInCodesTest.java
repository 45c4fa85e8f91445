package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.support.MutableClock;
import org.nuanxin.support.SmsInbox;
import org.nuanxin.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one-time codes of the worker sign-in, on the database: expiry, single use, the wrong-try limit, one live code per
 * number, the per-number limits that answer alike, what is stored, the purge. Runs on H2 ({@link
 * WorkerSignInCodesH2Test}) and PostgreSQL ({@link WorkerSignInCodesPostgresTest}). Each test uses numbers and client
 * addresses of its own (the context and its database are shared).
 */
abstract class WorkerSignInCodesTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger(100);

    @Autowired
    WorkerSignIn signIn;

    @Autowired
    SmsInbox inbox;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void putTheClockBack() {
        clock.set(TestClock.START);
        inbox.failing(false);
    }

    /** @return a mobile number no other test uses, E.164 */
    static String newMobile() {
        return "+8613900" + String.format("%06d", NUMBERS.getAndIncrement());
    }

    private String send(String mobile, String client) {
        assertThat(signIn.sendCode(mobile, client, Locale.SIMPLIFIED_CHINESE)).isEqualTo(WorkerSignIn.Sent.SENT);
        return inbox.lastCode(mobile).orElseThrow();
    }

    @Test
    void theRightCodeSignsInOnceAndOnlyOnce() {
        String mobile = newMobile();
        String code = send(mobile, "10.20.0.1");
        assertThat(code).matches("\\d{6}");
        assertThat(inbox.to(mobile).get(0).text()).contains(code).contains("5 分钟");

        assertThat(signIn.checkCode(mobile, code, "10.20.0.1"))
                .map(WorkerPrincipal::currentWorker)
                .contains(new CurrentWorker(mobile));
        assertThat(signIn.checkCode(mobile, code, "10.20.0.1")).as("used").isEmpty();
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        String mobile = newMobile();
        String code = send(mobile, "10.20.0.2");
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        String other = newMobile();
        String otherCode = send(other, "10.20.0.2");
        assertThat(signIn.checkCode(other, otherCode, "10.20.0.2")).isPresent();
        assertThat(signIn.checkCode(mobile, code, "10.20.0.2")).as("4 min 59 s").isPresent();

        String later = newMobile();
        String laterCode = send(later, "10.20.0.2");
        clock.advance(Duration.ofMinutes(5));
        assertThat(signIn.checkCode(later, laterCode, "10.20.0.2")).as("5 min").isEmpty();
    }

    @Test
    void fiveWrongTriesEndTheCode() {
        String mobile = newMobile();
        String code = send(mobile, "10.20.0.3");
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertThat(signIn.checkCode(mobile, wrong, "10.20.0.3")).isEmpty();
        }
        assertThat(signIn.checkCode(mobile, code, "10.20.0.3"))
                .as("after 4 wrong tries")
                .isPresent();

        String mobile2 = newMobile();
        String code2 = send(mobile2, "10.20.0.3");
        String wrong2 = code2.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(signIn.checkCode(mobile2, wrong2, "10.20.0.3")).isEmpty();
        }
        assertThat(signIn.checkCode(mobile2, code2, "10.20.0.3"))
                .as("after 5 wrong tries")
                .isEmpty();
    }

    @Test
    void fullWidthDigitsAndSpacesAreRead() {
        String mobile = newMobile();
        String code = send(mobile, "10.20.0.4");
        StringBuilder fullWidth = new StringBuilder();
        for (char c : code.toCharArray()) {
            fullWidth.append((char) ('０' + (c - '0'))).append(' ');
        }
        assertThat(signIn.checkCode(mobile, fullWidth.toString(), "10.20.0.4")).isPresent();
    }

    @Test
    void oneCodePerMinuteAndANewerCodeEndsTheOlder() {
        String mobile = newMobile();
        String first = send(mobile, "10.20.0.5");
        clock.advance(Duration.ofSeconds(59));
        // Answered alike, but nothing is sent.
        assertThat(signIn.sendCode(mobile, "10.20.0.5", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(WorkerSignIn.Sent.SENT);
        assertThat(inbox.to(mobile)).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        String second = send(mobile, "10.20.0.5");
        assertThat(inbox.to(mobile)).hasSize(2);
        if (!second.equals(first)) {
            assertThat(signIn.checkCode(mobile, first, "10.20.0.5"))
                    .as("the older code")
                    .isEmpty();
        }
        assertThat(signIn.checkCode(mobile, second, "10.20.0.5")).isPresent();
    }

    @Test
    void aNumberGetsTenCodesADay() {
        String mobile = newMobile();
        for (int i = 0; i < 10; i++) {
            send(mobile, "10.20.1." + i);
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(signIn.sendCode(mobile, "10.20.1.99", Locale.SIMPLIFIED_CHINESE))
                .as("answered alike")
                .isEqualTo(WorkerSignIn.Sent.SENT);
        assertThat(inbox.to(mobile)).hasSize(10);

        clock.advance(Duration.ofDays(1));
        send(mobile, "10.20.1.99");
        assertThat(inbox.to(mobile)).hasSize(11);
    }

    @Test
    void neitherNumberNorCodeIsStored() {
        String mobile = newMobile();
        String code = send(mobile, "10.20.0.6");
        List<Map<String, Object>> rows =
                jdbc.sql("SELECT * FROM worker_sign_in_code").query().listOfRows();
        assertThat(rows).isNotEmpty();
        String national = mobile.substring(3);
        for (Map<String, Object> row : rows) {
            for (Object value : row.values()) {
                assertThat(String.valueOf(value)).doesNotContain(national).doesNotContain(code);
            }
        }
    }

    @Test
    void aGatewayFailureSendsNothingAndUsesNoLimit() {
        String mobile = newMobile();
        inbox.failing(true);
        assertThat(signIn.sendCode(mobile, "10.20.0.7", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(WorkerSignIn.Sent.UNAVAILABLE);
        inbox.failing(false);
        send(mobile, "10.20.0.7");
        assertThat(inbox.to(mobile)).hasSize(1);
    }

    @Test
    void codesOlderThanADayArePurged() {
        String mobile = newMobile();
        send(mobile, "10.20.0.8");
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(signIn.purge()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM worker_sign_in_code WHERE created_at < :before")
                        .param(
                                "before",
                                clock.instant().minus(Duration.ofDays(1)).atOffset(java.time.ZoneOffset.UTC))
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
