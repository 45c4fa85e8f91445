package org.nuanxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nuanxin.support.Browser;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 8's walk in a real headless Chromium on the demo roster: the 渝中区 administrator signs in, sees
 * only their district in the tree and in the station list, opens 解放碑街道 and creates a union-staff
 * account there; the new colleague signs in with the one-time password, is made to choose their own,
 * and then sees only their township.
 */
@NuanxinTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nuanxin.station.demo-data=true")
class DataScopeBrowserTest {

    static final String ADMIN = "yz-walk-admin";
    static final String PASSWORD = "test-walk-password-1";
    static final String CLERK = "jfb-walk-clerk";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @RegisterExtension
    Browser browser = Browser.desktop();

    @BeforeEach
    void administrator() {
        StaffAccounts.ensure(jdbc, encoder, ADMIN, PASSWORD, "ORG_ADMIN", "500103");
        jdbc.sql("DELETE FROM account WHERE username = ?").param(CLERK).update();
    }

    @Test
    void aDistrictAdministratorCreatesATownshipAccountThatSeesOnlyItsTownship() {
        signIn(ADMIN, PASSWORD);
        browser.open(url("/console/organizations"));
        String tree = text();
        assertThat(tree).contains("渝中区总工会", "解放碑街道工会").doesNotContain("江北区总工会", "重庆市总工会");

        browser.open(url("/console/stations"));
        List<String> districts = districtColumn();
        assertThat(districts).as("the first page of the list").isNotEmpty().allMatch(d -> d.contains("渝中区"));
        assertThat(browser.driver().getPageSource()).doesNotContain("江北区工会驿站");

        long township = StaffAccounts.organization(jdbc, "500103003");
        browser.open(url("/console/organizations/" + township));
        browser.waitFor(By.cssSelector("a.nx-new-account")).click();
        browser.waitFor(By.id("username")).sendKeys(CLERK);
        browser.driver().findElement(By.id("displayName")).sendKeys("解放碑街道工会干事");
        new Select(browser.driver().findElement(By.id("role"))).selectByValue("UNION_STAFF");
        assertThat(new Select(browser.driver().findElement(By.id("organization")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("解放碑街道工会");
        // Roles the district administrator may not grant are not offered at all.
        assertThat(new Select(browser.driver().findElement(By.id("role")))
                        .getOptions().stream().map(o -> o.getAttribute("value")).toList())
                .doesNotContain("CITY_ADMIN");
        browser.driver().findElement(By.id("password")).sendKeys("one-time walk password");
        browser.screenshot("scope-new-account-desk");
        browser.driver()
                .findElement(By.cssSelector("main form button[type=submit]"))
                .click();
        browser.waitForUrlContaining("/console/accounts");
        assertThat(text()).contains(CLERK, "解放碑街道工会");

        browser.driver()
                .findElement(By.cssSelector("form[action$='/logout'] button"))
                .click();
        browser.waitForUrlContaining("/login");
        signIn(CLERK, "one-time walk password");
        // A one-time password: every console page sends the colleague to choose their own first.
        browser.open(url("/console/stations"));
        browser.waitForUrlContaining("/console/account/password");
        browser.waitFor(By.id("currentPassword")).sendKeys("one-time walk password");
        browser.driver().findElement(By.id("newPassword")).sendKeys("解放碑街道工会干事自己选的新密码");
        browser.driver()
                .findElement(By.cssSelector("main form button[type=submit]"))
                .click();
        browser.waitFor(By.cssSelector(".alert-success"));

        browser.open(url("/console/organizations"));
        assertThat(text()).contains("解放碑街道工会").doesNotContain("渝中区总工会", "七星岗街道");
        browser.open(url("/console/stations"));
        assertThat(districtColumn())
                .as("no station of the district belongs to the township")
                .isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("header, nav")).getText())
                .contains("解放碑街道工会");
        browser.screenshot("scope-township-stations-desk");
    }

    private void signIn(String username, String password) {
        browser.open(url("/login"));
        browser.waitFor(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForUrlContaining("/console");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String text() {
        return browser.waitFor(By.tagName("main")).getText();
    }

    /** The district column (the third) of the station list's rows. */
    private List<String> districtColumn() {
        browser.waitFor(By.tagName("main"));
        List<WebElement> cells = browser.driver().findElements(By.cssSelector("main table tbody tr td:nth-child(3)"));
        return cells.stream().map(WebElement::getText).toList();
    }
}
