package org.nuanxin.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nuanxin.support.Browser;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The organisation console in a real headless Chromium, at 390 px (a phone) and at a desk: a district administrator
 * signs in, sees their district with its subdistricts and nothing of other districts, opens one level and an
 * organisation's page. Screenshots under target/screenshots/organizations-*.png.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class OrganizationTreeBrowserTest {

    static final String USER = "yz-tree-admin";
    static final String PASSWORD = "test-tree-password-1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @RegisterExtension
    Browser phone = Browser.ofSize(390, 844);

    @RegisterExtension
    Browser desk = Browser.desktop();

    @BeforeEach
    void account() {
        StaffAccounts.ensure(jdbc, encoder, USER, PASSWORD, "ORG_ADMIN", "500103");
    }

    private void signIn(Browser browser) {
        browser.open("http://localhost:" + port + "/login");
        browser.waitFor(By.id("username")).sendKeys(USER);
        browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForUrlContaining("/console");
    }

    @Test
    void aDistrictAdministratorBrowsesTheirPartOfTheTreeOnAPhone() {
        signIn(phone);
        phone.open("http://localhost:" + port + "/console/organizations");
        assertThat(phone.waitFor(By.tagName("h1")).getText()).isEqualTo("组织架构");
        String text = phone.driver().findElement(By.tagName("main")).getText();
        assertThat(text).contains("渝中区总工会", "解放碑街道").doesNotContain("江北区", "重庆市总工会");
        Long width = (Long) phone.driver().executeScript("return document.documentElement.scrollWidth");
        assertThat(width).as("no horizontal scrolling at 390 px").isLessThanOrEqualTo(390);
        phone.screenshot("organizations-tree-phone");

        long township = StaffAccounts.organization(jdbc, "500103003");
        phone.open("http://localhost:" + port + "/console/organizations/" + township);
        assertThat(phone.waitFor(By.tagName("h1")).getText()).contains("解放碑街道");
        assertThat(phone.driver().findElement(By.cssSelector(".breadcrumb")).getText())
                .contains("渝中区总工会")
                .doesNotContain("重庆市总工会");
        width = (Long) phone.driver().executeScript("return document.documentElement.scrollWidth");
        assertThat(width).isLessThanOrEqualTo(390);
        phone.screenshot("organizations-node-phone");

        phone.open("http://localhost:" + port + "/console/organizations/" + township + "/move");
        phone.waitFor(By.tagName("h1"));
        phone.screenshot("organizations-move-phone");
    }

    @Test
    void theCityTreeAtADesk() {
        StaffAccounts.ensure(jdbc, encoder, "city-tree-admin", PASSWORD, "CITY_ADMIN", "500000");
        desk.open("http://localhost:" + port + "/login");
        desk.waitFor(By.id("username")).sendKeys("city-tree-admin");
        desk.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        desk.driver().findElement(By.cssSelector("button[type=submit]")).click();
        desk.waitForUrlContaining("/console");
        long yuzhong = StaffAccounts.organization(jdbc, "500103");
        desk.open("http://localhost:" + port + "/console/organizations?open=" + yuzhong);
        desk.waitFor(By.tagName("h1"));
        String text = desk.driver().findElement(By.tagName("main")).getText();
        assertThat(text).contains("重庆市总工会", "江北区总工会", "解放碑街道").doesNotContain("观音桥街道");
        desk.screenshot("organizations-tree-desk");

        desk.open("http://localhost:" + port + "/console/organizations?q=%E8%A7%A3%E6%94%BE%E7%A2%91");
        desk.waitFor(By.tagName("h1"));
        assertThat(desk.driver().findElement(By.tagName("main")).getText()).contains("解放碑街道");
        desk.screenshot("organizations-search-desk");

        desk.open("http://localhost:" + port + "/console/organizations/" + yuzhong + "/edit?lang=en");
        assertThat(desk.waitFor(By.tagName("h1")).getText()).startsWith("Edit");
        desk.screenshot("organizations-edit-desk-en");
    }
}
