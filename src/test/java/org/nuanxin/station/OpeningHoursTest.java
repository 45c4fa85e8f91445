package org.nuanxin.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningHoursTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            08:00-22:00               | 08:00-22:00
            8:00-22:00                | 08:00-22:00
            ０８：００－２２：００          | 08:00-22:00
            09:00-12:00,14:00-18:00   | 09:00-12:00,14:00-18:00
            14:00-18:00，09:00-12:00   | 09:00-12:00,14:00-18:00
            09:00~12:00、14:00至18:00  | 09:00-12:00,14:00-18:00
            全天24小时                  | 全天24小时
            24小时                     | 全天24小时
            00:00-24:00               | 全天24小时
            22:00-06:00               | 22:00-06:00
            18:00-24:00               | 18:00-24:00
            18:00-00:00               | 18:00-24:00
            """)
    void readsRosterTextIntoCanonicalForm(String text, String canonical) {
        assertThat(OpeningHours.parse(text).toString()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            08:00-22:00             | 07:59 | false
            08:00-22:00             | 08:00 | true
            08:00-22:00             | 21:59 | true
            08:00-22:00             | 22:00 | false
            09:00-12:00,14:00-18:00 | 12:30 | false
            09:00-12:00,14:00-18:00 | 14:00 | true
            22:00-06:00             | 23:30 | true
            22:00-06:00             | 03:00 | true
            22:00-06:00             | 06:00 | false
            22:00-06:00             | 12:00 | false
            全天24小时                | 03:00 | true
            18:00-24:00             | 23:59 | true
            """)
    void knowsWhetherItIsOpen(String text, String time, boolean open) {
        assertThat(OpeningHours.parse(text).isOpenAt(LocalTime.parse(time))).isEqualTo(open);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "早八晚十",
                "08:00",
                "25:00-26:00",
                "08:60-22:00",
                "08:00-08:00",
                "周一至周五 08:00-22:00",
                "24:00-08:00"
            })
    void refusesWhatIsNotHours(String text) {
        assertThatThrownBy(() -> OpeningHours.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalHoursAreEqual() {
        assertThat(OpeningHours.parse("8:00-22:00")).isEqualTo(OpeningHours.parse("08:00-22:00"));
    }
}
