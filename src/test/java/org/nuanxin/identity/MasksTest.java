package org.nuanxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What lists, exports and the worker's pages show of personal data. */
class MasksTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "500103199001011232, 5001**********1232",
        "11010519491231002X, 1101**********002X",
        "USA310185031515, USA3*******1515",
        "123456789, 1234*6789",
        "12345678, ********",
        "1234, ****",
        "1, *",
    })
    void residentIdNumbers(String value, String masked) {
        assertThat(Masks.residentIdNumber(value)).isEqualTo(masked);
    }

    @Test
    void anEmptyValueStillGivesStarsSoNothingIsRevealedByLength() {
        assertThat(Masks.residentIdNumber("")).isEqualTo("*");
        assertThat(Masks.mobile("")).isEqualTo("*");
        assertThat(Masks.name("")).isEqualTo("**");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "+8613800138000, 138****8000",
        "13800138000, 138****8000",
        "+8619912345678, 199****5678",
        "1380013, *******",
        "+86, *",
        // Not a mainland number: the first three characters as they are.
        "+85291234567, +85*****4567",
    })
    void mobiles(String value, String masked) {
        assertThat(Masks.mobile(value)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"张三丰, 张**", "李四, 李**", "王, 王**", "欧阳娜娜, 欧**", "诺敏其其格·巴特尔, 诺**", "Anna, A**"})
    void namesKeepTheFirstCharacterAndNeverTellTheirLength(String value, String masked) {
        assertThat(Masks.name(value)).isEqualTo(masked);
    }

    @Test
    void supplementaryCharactersStayWholeAndCountAsOne() {
        // 𠀀 (U+20000) and 𪚥 (U+2A6A5) are one character each but two UTF-16 units.
        assertThat(Masks.name("𠀀𪚥明")).isEqualTo("𠀀**");
        assertThat(Masks.name("李𪚥")).isEqualTo("李**");
        assertThat(Masks.name("𪚥")).isEqualTo("𪚥**");
        String masked = Masks.residentIdNumber("𠀀𠀀𠀀𠀀12345𪚥𪚥𪚥𪚥");
        assertThat(masked).isEqualTo("𠀀𠀀𠀀𠀀*****𪚥𪚥𪚥𪚥");
        assertThat(Masks.residentIdNumber("𠀀𠀀𠀀𠀀𪚥𪚥𪚥𪚥")).isEqualTo("********");
        // No half of a surrogate pair is ever left behind.
        assertThat(Masks.name("𠀀𪚥").codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF))
                .isTrue();
        assertThat(Masks.name("𠀀𪚥")).isEqualTo("𠀀**");
    }
}
