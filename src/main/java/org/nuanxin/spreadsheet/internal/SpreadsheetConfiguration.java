package org.nuanxin.spreadsheet.internal;

import org.nuanxin.kernel.CityTime;
import org.nuanxin.spreadsheet.SpreadsheetReader;
import org.nuanxin.spreadsheet.XlsxExport;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the spreadsheet module; limits come from nuanxin.spreadsheet.*. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpreadsheetProperties.class)
class SpreadsheetConfiguration {

    @Bean
    SpreadsheetReader spreadsheetReader(SpreadsheetProperties properties) {
        return new DefaultSpreadsheetReader(properties.limits());
    }

    @Bean
    XlsxExport xlsxExport(CityTime time) {
        return new XlsxExport(time.zone());
    }
}
