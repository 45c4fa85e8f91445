package org.nuanxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the shared mobile.csv vectors (libphonenumber 9.0.17 results), copied into test resources. */
class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvFileSource(resources = "/vectors/mobile.csv", numLinesToSkip = 1, nullValues = "")
    void readsTheVectors(String input, String expected, String e164, String note) {
        var parsed = PhoneNumbers.parse(input);
        switch (expected) {
            case "valid" -> {
                assertThat(parsed).map(PhoneNumbers.Parsed::e164).contains(e164);
                assertThat(parsed.orElseThrow().kind()).isEqualTo(PhoneNumbers.Kind.MOBILE);
            }
            case "valid-fixed-line" -> {
                assertThat(parsed).map(PhoneNumbers.Parsed::e164).contains(e164);
                assertThat(parsed.orElseThrow().kind()).isEqualTo(PhoneNumbers.Kind.FIXED_LINE);
            }
            case "invalid" -> assertThat(parsed).isEmpty();
            default -> throw new IllegalArgumentException("unknown expectation " + expected);
        }
    }

    @ParameterizedTest
    @CsvSource({"１３８００１３８０００,+8613800138000", "' 138-0013-8000 ',+8613800138000"})
    void fullWidthDigitsAndSeparatorsAreRead(String input, String e164) {
        assertThat(PhoneNumbers.parse(input)).map(PhoneNumbers.Parsed::e164).contains(e164);
    }

    @ParameterizedTest
    @CsvSource({"+8613800138000,138 0013 8000", "+862363123456,023 6312 3456"})
    void displaysNationally(String e164, String shown) {
        assertThat(PhoneNumbers.display(e164)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "13800138000, ACCEPTED",
        "023-6312-3456, ACCEPTED",
        "+86 138 0013 8000, ACCEPTED",
        "14912345678, UNASSIGNED_MOBILE_RANGE",
        "+86 149 1234 5678, UNASSIGNED_MOBILE_RANGE",
        "12345678901, UNASSIGNED_MOBILE_RANGE",
        "+1 650 253 0000, NOT_MAINLAND",
        "+852 2123 4567, NOT_MAINLAND",
        "1380013800, INVALID",
        "电话, INVALID"
    })
    void mainlandNumbersOnlyAndEachRefusalSaysWhy(String input, String expected) {
        PhoneNumbers.Result result = PhoneNumbers.parseMainland(input);
        if (expected.equals("ACCEPTED")) {
            assertThat(result.number()).isPresent();
            assertThat(result.refusal()).isEmpty();
        } else {
            assertThat(result.number()).isEmpty();
            assertThat(result.refusal()).contains(PhoneNumbers.Refusal.valueOf(expected));
        }
    }
}
