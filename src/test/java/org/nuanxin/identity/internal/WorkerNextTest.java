package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code next} after a worker's sign-in goes only to a local worker page; everything else to the default. */
class WorkerNextTest {

    @ParameterizedTest
    @ValueSource(strings = {"/m/me", "/m/member", "/m/join/apply?union=12", "/m/me/data#download", "/m/stations"})
    void aLocalWorkerPathIsKept(String next) {
        assertThat(WorkerNext.isSafe(next)).isTrue();
        assertThat(WorkerNext.orDefault(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/m/me",
                "//evil.example/m/me",
                "/\\evil.example",
                "/m//evil.example",
                "/m/\\evil.example",
                "/console",
                "/console/accounts",
                "/login",
                "/m",
                "m/me",
                "/m/../console",
                "/m/./../console",
                "/m/%2e%2e/console",
                "/m/%2E%2e/console",
                "/m/..%2fconsole",
                "/m/me\r\nSet-Cookie: x=1",
                "/m/me\tx",
                " /m/me",
                ""
            })
    void anythingElseGoesToTheDefault(String next) {
        assertThat(WorkerNext.isSafe(next)).isFalse();
        assertThat(WorkerNext.orDefault(next)).isEqualTo("/m/me");
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 513})
    void aLongPathIsRefused(int length) {
        String next = "/m/" + "a".repeat(length - 3);
        assertThat(WorkerNext.isSafe(next)).isEqualTo(length <= WorkerNext.MAX_LENGTH);
    }

    @org.junit.jupiter.api.Test
    void nothingGivenMeansTheDefault() {
        assertThat(WorkerNext.orDefault(null)).isEqualTo("/m/me");
    }
}
