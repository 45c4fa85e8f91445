package org.nuanxin.membership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Occupations as staff and workers write them. */
class OccupationTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "外卖骑手, FOOD_DELIVERY_RIDER",
        "外卖员, FOOD_DELIVERY_RIDER",
        "骑手, FOOD_DELIVERY_RIDER",
        "网约配送员, FOOD_DELIVERY_RIDER",
        "' 外卖 骑手 ', FOOD_DELIVERY_RIDER",
        "快递员, COURIER",
        "快递小哥, COURIER",
        "网约车司机, RIDE_HAILING_DRIVER",
        "网约车, RIDE_HAILING_DRIVER",
        "货车司机, TRUCK_DRIVER",
        "卡车司机, TRUCK_DRIVER",
        "家政, DOMESTIC_WORKER",
        "家政服务员, DOMESTIC_WORKER",
        "月嫂, DOMESTIC_WORKER",
        "其他, OTHER",
        "其它, OTHER",
        "COURIER, COURIER",
        "food_delivery_rider, FOOD_DELIVERY_RIDER",
        "Ride-hailing driver, RIDE_HAILING_DRIVER",
        "ＴＲＵＣＫ＿ＤＲＩＶＥＲ, TRUCK_DRIVER"
    })
    void synonymsMapToTheCategory(String text, Occupation expected) {
        assertThat(Occupation.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"厨师", "外卖骑手x", "  ", "司机"})
    void unknownTextIsNoOccupationNeverOther(String text) {
        assertThat(Occupation.parse(text)).isEmpty();
    }
}
