package org.nuanxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.organization.UnifiedSocialCreditCode.Refusal;

/**
 * Every row of the shared uscc.csv vectors (copied from shared/data/vectors: one widely cited example of GB
 * 32100-2015 plus synthetic codes computed with the standard's algorithm; normalisation rows are the project's
 * policy), read from the classpath. Expected {@code valid}, {@code valid:<normalised>} or {@code invalid: <reason>}.
 */
class UnifiedSocialCreditCodeTest {

    @ParameterizedTest(name = "[{0}] → {1} ({2})")
    @CsvFileSource(resources = "/vectors/uscc.csv", numLinesToSkip = 1, ignoreLeadingAndTrailingWhitespace = false)
    void readsTheVectors(String input, String expected, String note) {
        UnifiedSocialCreditCode.Result result = UnifiedSocialCreditCode.parse(input);
        if (expected.startsWith("valid")) {
            String normalised = expected.startsWith("valid:") ? expected.substring("valid:".length()) : input;
            assertThat(result.refusal()).as(note).isEmpty();
            assertThat(result.code()).map(UnifiedSocialCreditCode::value).contains(normalised);
        } else {
            assertThat(expected).startsWith("invalid: ");
            Refusal reason = Refusal.valueOf(expected.substring("invalid: ".length())
                    .toUpperCase(Locale.ROOT)
                    .replace(' ', '_'));
            assertThat(result.code()).as(note).isEmpty();
            assertThat(result.refusal()).as(note).contains(reason);
        }
    }

    @Test
    void theVectorsExerciseEveryRefusal() throws IOException {
        String vectors;
        try (InputStream in = getClass().getResourceAsStream("/vectors/uscc.csv")) {
            assertThat(in).as("vectors/uscc.csv on the test classpath").isNotNull();
            vectors = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Refusal refusal : Refusal.values()) {
            assertThat(vectors)
                    .as("a vector refused for %s", refusal)
                    .contains(",invalid: "
                            + refusal.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ",");
        }
    }

    @Test
    void computesTheCheckCharactersOfTheCitedExample() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(UnifiedSocialCreditCode.organisationCodeCheck("M000100Y")).isEqualTo('4');
    }

    @Test
    void splitsItsParts() {
        UnifiedSocialCreditCode code =
                UnifiedSocialCreditCode.parse("91500103MA5U7K2P39").code().orElseThrow();
        assertThat(code.registrationAuthority()).isEqualTo('9');
        assertThat(code.divisionCode()).isEqualTo("500103");
        assertThat(code.organisationCode()).isEqualTo("MA5U7K2P3");
    }

    @Test
    void aRefusalIsAFieldProblemWithTheTidiedInput() {
        assertThat(UnifiedSocialCreditCode.parse(" 91500103ma5u7k2p3a").problem("creditCode"))
                .contains(FieldProblem.of("creditCode", "organization.uscc.CHECK_CHARACTER", "91500103MA5U7K2P3A"));
        assertThat(UnifiedSocialCreditCode.parse("91500103MA5U7K2P39").problem("creditCode"))
                .isEmpty();
    }

    @Test
    void theConstructorTakesOnlyANormalisedValidCode() {
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("91500103ma5u7k2p39"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("91500103MA5U7K2P3A"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new UnifiedSocialCreditCode("91500103MA5U7K2P39").value()).isEqualTo("91500103MA5U7K2P39");
    }
}
