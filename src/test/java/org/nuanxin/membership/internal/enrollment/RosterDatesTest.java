package org.nuanxin.membership.internal.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RosterDatesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "2024-07-25",
                "2024-7-25",
                "2024/7/25",
                "2024.7.25",
                "2024年7月25日",
                "2024 年 7 月 25 日",
                "20240725",
                // Excel's serial day number of 2024-07-25 in a cell not formatted as a date, as the reader gives it.
                "45498",
                "45498.0"
            })
    void theFormsRostersUseAllReadAsTheSameDay(String text) {
        assertThat(RosterDates.parse(text)).contains(LocalDate.of(2024, 7, 25));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024-02-30", "2023年2月29日", "2024.13.1", "25/07/2024", "七月二十五日", "12", "999999", "2024-07"})
    void impossibleOrUnknownDatesAreNotRead(String text) {
        assertThat(RosterDates.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1, 1900-01-01", "61, 1900-03-01", "18264, 1950-01-01", "45292, 2024-01-01"})
    void serialsFollowExcels1900System(String serial, LocalDate expected) {
        // Serials before 1950 are not joining dates: refused rather than read as a day of 1900.
        assertThat(RosterDates.parse(serial))
                .isEqualTo(expected.getYear() < 1950 ? java.util.Optional.empty() : java.util.Optional.of(expected));
    }
}
