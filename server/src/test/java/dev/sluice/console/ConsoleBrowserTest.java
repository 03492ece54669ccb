package dev.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.ConsoleLogins;
import dev.sluice.account.NewAccount;
import dev.sluice.metering.UsageQueries;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/**
 * The console in a real headless Chromium, driven as a person would: first sign-in with a forced password change,
 * known API calls seen on the overview and in call details, filters, the CSV download, an AccessKey created and
 * disabled (and its calls refused), the explorer, the admin view, a narrow screen. Screenshots of each page go to
 * {@code server/target/screenshots/}. Uses the machine's chromium and chromedriver only; Selenium Manager never runs,
 * so nothing is downloaded. Skipped, with a message, where they are not installed.
 */
@SluiceServerTest
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Path DOWNLOADS = Path.of("target/downloads").toAbsolutePath();

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    ConsoleLogins logins;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UsageQueries usage;

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser test skipped: install chromium and chromedriver (apt-get install -y chromium chromium-driver)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(DOWNLOADS);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1366,900",
                        "--force-device-scale-factor=1", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void aUserSeesTheirCallsManagesKeysAndTriesTheApi() throws Exception {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        long accountId = account.account().id();
        String issued = logins.issuePassword(account.mainUser().id());
        logins.setOperator(account.mainUser().id(), true);
        String login = logins.loginNameOf(account.mainUser().id());

        // Known calls: 3 + 2 through the API (level 1, read); level 2 and 3 operations are not built yet, so their
        // calls go straight into today's rollups.
        var client = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
        for (int i = 0; i < 3; i++) assertThat(client.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send().status()).isEqualTo(200);
        for (int i = 0; i < 2; i++) assertThat(client.call("GetMyRoles").param("OpTenantId", account.tenant().id()).send().status()).isEqualTo(200);
        LocalDate today = usage.today();
        ConsoleFixtures.seed(jdbc, accountId, account.mainUser().id(), today, "CreateBizEntity", 3, "WRITE", 7);
        ConsoleFixtures.seed(jdbc, accountId, account.mainUser().id(), today, "ListBizEntities", 2, "READ", 5);

        open("/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/signin");
        shot("01-sign-in");
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(issued);
        browser.findElement(By.id("sign-in")).click();
        waitForUrl("/console/password");
        shot("02-change-password");
        browser.findElement(By.id("current")).sendKeys(issued);
        browser.findElement(By.id("replacement")).sendKeys("my-own-long-password");
        browser.findElement(By.id("confirmation")).sendKeys("my-own-long-password");
        browser.findElement(By.id("change-password")).click();

        // Overview: exactly the calls made.
        waitFor("calls-month");
        assertThat(text("calls-month")).isEqualTo("17");
        assertThat(text("calls-today")).isEqualTo("17");
        assertThat(text("quota-used")).isEqualTo("17");
        assertThat(text("quota-total")).isEqualTo("1,000,000");
        assertThat(text("billable")).isEqualTo("0");
        assertThat(text("edition")).isEqualTo("Intelligent");
        assertThat(browser.findElement(By.id("today")).getText()).contains("Levels 1 and 2", "10", "Level 3", "7 of 10,000");
        shot("03-overview");

        // Call details: every row, then filtered by level and type (htmx swaps the table).
        browser.findElement(By.linkText("Call details")).click();
        waitFor("calls");
        assertThat(text("row-count")).isEqualTo("4");
        assertThat(text("call-total")).isEqualTo("17");
        assertThat(rows()).containsExactly(
                today + " CreateBizEntity Write 3 7 7", today + " GetMyRoles Read 1 2 2",
                today + " GetMyTenants Read 1 3 3", today + " ListBizEntities Read 2 5 5");
        shot("04-call-details");
        new Select(browser.findElement(By.id("level"))).selectByValue("3");
        waitUntilText("row-count", "1");
        assertThat(rows()).containsExactly(today + " CreateBizEntity Write 3 7 7");
        new Select(browser.findElement(By.id("level"))).selectByValue("");
        new Select(browser.findElement(By.id("type"))).selectByValue("read");
        waitUntilText("row-count", "3");
        assertThat(text("call-total")).isEqualTo("10");
        browser.findElement(By.cssSelector("th a[data-sort=calls]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !rows().isEmpty() && rows().getFirst().contains("ListBizEntities"));
        waitForUrl("sort=calls");
        assertThat(browser.getCurrentUrl()).contains("type=read");
        shot("05-call-details-filtered");

        // The CSV holds exactly the filtered rows.
        try (var old = Files.list(DOWNLOADS)) {
            for (Path file : old.toList()) Files.delete(file);
        }
        browser.findElement(By.id("csv")).click();
        Path csv = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> downloaded());
        assertThat(Files.readAllLines(csv)).containsExactly("date,api,type,level,calls,month_to_date",
                today + ",ListBizEntities,READ,2,5,5", today + ",GetMyTenants,READ,1,3,3", today + ",GetMyRoles,READ,1,2,2");

        // AccessKeys: create one (secret shown once), use it, disable it, see its calls refused.
        browser.findElement(By.linkText("AccessKeys")).click();
        browser.findElement(By.id("create-key")).click();
        String keyId = text("new-key-id");
        String secret = text("new-key-secret");
        shot("06-access-key-created");
        var newKey = new RawClient(port, keyId, secret);
        assertThat(newKey.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send().status()).isEqualTo(200);
        browser.findElement(By.id("disable-" + keyId)).click();
        // htmx swaps the row in after the click: look it up afresh until the new one is there.
        new WebDriverWait(browser, Duration.ofSeconds(5)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("tr[data-key='" + keyId + "']")).getText().contains("Disabled"));
        assertThat(newKey.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send().code()).isEqualTo("InvalidAccessKeyId.Inactive");
        shot("07-access-keys");
        browser.findElement(By.id("delete-" + keyId)).click();
        shot("08-delete-key-confirmation");
        browser.findElement(By.linkText("Cancel")).click();

        // The catalog and a real call from the explorer.
        browser.findElement(By.linkText("API catalog")).click();
        browser.findElement(By.id("q")).sendKeys("Biz");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("match-count")).getText().matches("\\d+ operations")
                && !d.findElement(By.id("match-count")).getText().startsWith(String.valueOf(214)));
        shot("09-api-catalog");
        open("/console/apis/GetMyTenants");
        browser.findElement(By.id("send")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("result-json")));
        assertThat(text("result-status")).isEqualTo("HTTP 200");
        assertThat(text("result-json")).contains("\"TenantList\"", String.valueOf(account.tenant().id()));
        shot("10-explorer");

        // Admin view.
        browser.findElement(By.linkText("Admin")).click();
        assertThat(browser.findElement(By.cssSelector("tr[data-account='" + accountId + "']")).getText()).contains("intelligent", "19");
        shot("11-admin-accounts");
        browser.findElement(By.linkText(account.account().name())).click();
        shot("12-admin-account");

        // A narrow screen: the overview still reads.
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/console");
        assertThat(text("calls-month")).isEqualTo("19");
        shot("13-overview-narrow");
        browser.manage().window().setSize(new Dimension(1366, 900));

        browser.findElement(By.id("sign-out")).click();
        waitForUrl("/console/signin?signedOut");
        open("/console");
        waitForUrl("/console/signin");
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private static void waitForUrl(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(part));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private static void waitFor(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private static void waitUntilText(String id, String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            try {
                return d.findElement(By.id(id)).getText().trim().equals(expected);
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                return false;
            }
        });
    }

    /** The table's rows, cells joined by a space, read in one script so an htmx swap cannot interleave. */
    @SuppressWarnings("unchecked")
    private static List<String> rows() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll("
                + "'#calls tbody tr')).map(r => Array.from(r.cells).map(c => c.innerText.trim()).join(' '))");
    }

    private static Path downloaded() {
        try (var files = Files.list(DOWNLOADS)) {
            return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** A screenshot of the whole page: the window grows to the page's height first. */
    private static void shot(String name) throws Exception {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height + 140, 600), 4000)));
        Thread.sleep(150); // let charts re-lay out
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(before);
    }
}
