package org.nuanxin.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The system a phone's browser is taken to answer its position in, by its User-Agent. */
class BrowserPositionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "Mozilla/5.0 (Linux; Android 13; V2203A) AppleWebKit/537.36 Chrome/107.0 Mobile Safari/537.36"
                        + " XWEB/5049 MMWEBSDK/20230303 MicroMessenger/8.0.34.2340(0x2800225B) WeChat/arm64|GCJ02|true",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 16_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
                        + " MicroMessenger/8.0.37(0x18002529) NetType/WIFI Language/zh_CN|WGS84|true",
                "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36|WGS84|false",
                "null|WGS84|false",
            })
    void onlyWeChatsOwnAndroidBrowserIsTakenToAnswerInGcj02(String userAgent, CoordinateSystem system, boolean weChat) {
        assertThat(BrowserPositions.system(userAgent)).isEqualTo(system);
        assertThat(BrowserPositions.isWeChat(userAgent)).isEqualTo(weChat);
    }
}
