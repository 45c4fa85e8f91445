package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nuanxin.kernel.FieldProblem;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password policy (NIST SP 800-63B 5.1.1.2) and the hash that takes long passphrases whole. */
class PasswordsTest {

    static final String LONG_CHINESE = "我每天早上骑电动车穿过嘉陵江大桥去解放碑送外卖，中午在工会驿站喝一杯热水再出发";

    private static String code(String username, String password) {
        return Passwords.problem("password", username, password)
                .map(FieldProblem::code)
                .orElse("ok");
    }

    @Test
    void atLeastTwelveCharactersCountedAsCharactersNotBytes() {
        assertThat(code("wang", "x")).isEqualTo("identity.accounts.error.passwordShort");
        assertThat(code("wang", "river-bus-7")).isEqualTo("identity.accounts.error.passwordShort");
        assertThat(code("wang", "river-bus-77")).isEqualTo("ok");
        assertThat(code("wang", "重庆两江夜景真好看啊")).as("10 characters").isEqualTo("identity.accounts.error.passwordShort");
        assertThat(code("wang", "重庆两江夜景真的很好看啊")).as("12 characters, 36 bytes").isEqualTo("ok");
    }

    @Test
    void longPassphrasesAreWelcomeUpTo256Characters() {
        assertThat(LONG_CHINESE.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThat(code("wang", LONG_CHINESE)).isEqualTo("ok");
        assertThat(code("wang", "a-b".repeat(85))).isEqualTo("ok");
        assertThat(code("wang", "ab-c".repeat(65))).isEqualTo("identity.accounts.error.passwordLong");
    }

    @Test
    void commonPasswordsRepeatedCharactersAndTheUsernameAreRefused() {
        assertThat(Passwords.commonCount()).isGreaterThan(1000);
        assertThat(code("wang", "password1234")).isEqualTo("identity.accounts.error.passwordCommon");
        assertThat(code("wang", "Password1234")).isEqualTo("identity.accounts.error.passwordCommon");
        assertThat(code("wang", "1qaz2wsx3edc")).isEqualTo("identity.accounts.error.passwordCommon");
        assertThat(code("wang", "woaini1314520")).isEqualTo("identity.accounts.error.passwordCommon");
        assertThat(code("wang", "123456789012")).isEqualTo("identity.accounts.error.passwordCommon");
        assertThat(code("wang", "aaaaaaaaaaaaaaaa")).isEqualTo("identity.accounts.error.passwordCommon");
        assertThat(code("wang", "abababababab")).isEqualTo("identity.accounts.error.passwordCommon");
        assertThat(code("district-staff-01", "District-Staff-01"))
                .isEqualTo("identity.accounts.error.passwordUsername");
    }

    @Test
    void aLongPassphraseIsHashedWholeNeitherCutNorRefused() {
        PasswordEncoder encoder = Passwords.encoder();
        String hash = encoder.encode(LONG_CHINESE);
        assertThat(hash).startsWith("{bcrypt-sha256}");
        assertThat(encoder.matches(LONG_CHINESE, hash)).isTrue();
        // Same first 72 bytes, different end: BCrypt alone would accept it.
        String sameStart = LONG_CHINESE.substring(0, LONG_CHINESE.length() - 1) + "！";
        assertThat(encoder.matches(sameStart, hash)).isFalse();
    }

    @Test
    void existingBcryptHashesKeepWorking() {
        PasswordEncoder encoder = Passwords.encoder();
        String old = "{bcrypt}" + new BCryptPasswordEncoder().encode("test-admin-password-1");
        assertThat(encoder.matches("test-admin-password-1", old)).isTrue();
        assertThat(encoder.matches("wrong-password-12", old)).isFalse();
        assertThat(encoder.matches(LONG_CHINESE, old))
                .as("no exception over 72 bytes")
                .isFalse();
        assertThat(encoder.upgradeEncoding(old)).isTrue();
    }
}
