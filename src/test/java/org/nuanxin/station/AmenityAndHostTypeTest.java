package org.nuanxin.station;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmenityAndHostTypeTest {

    @ParameterizedTest
    @CsvSource({
        "饮水,WATER",
        "热水,WATER",
        "WATER,WATER",
        "water,WATER",
        "充电,CHARGING",
        "休息,REST",
        "卫生间,TOILET",
        "厕所,TOILET",
        "微波炉,MICROWAVE",
        "空调,AIR_CONDITIONING",
        "急救箱,FIRST_AID",
        "图书,BOOKS",
        "健康监测,HEALTH_KIOSK",
        "ＷＩＦＩ,WIFI"
    })
    void readsAmenitiesAsRostersWriteThem(String text, Amenity expected) {
        assertThat(Amenity.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"游泳池", "''", "饮水机器人"})
    void unknownAmenitiesAreEmpty(String text) {
        assertThat(Amenity.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "商圈商场,SHOPPING_MALL",
        "银行营业厅,BANK",
        "银行,BANK",
        "党群服务中心,PARTY_MASS_SERVICE_CENTRE",
        "企业,ENTERPRISE",
        "市政广场,PUBLIC_SQUARE",
        "游客集散中心,TOURIST_CENTRE",
        "社区服务站,COMMUNITY_SERVICE_STATION"
    })
    void readsEveryHostTypeOfTheSampleRoster(String text, HostType expected) {
        assertThat(HostType.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"开放,OPEN", "正常,OPEN", "暂停,SUSPENDED", "关闭,CLOSED", "closed,CLOSED"})
    void readsStatuses(String text, StationStatus expected) {
        assertThat(StationStatus.parse(text)).contains(expected);
    }
}
