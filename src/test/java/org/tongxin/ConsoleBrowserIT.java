package org.tongxin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.support.Problems.problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongxin.support.Api;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.ProdConfig;
import org.tongxin.support.ServiceProcess;
import org.tongxin.support.WeChatStub;

/**
 * The staff console in a real browser (docs/console.md): Debian's Chromium, headless, driven through
 * its chromedriver, against the packaged service in the prod profile (Secure cookies on
 * http://localhost, which browsers treat as a secure origin). Each journey fails on any error the
 * browser's console logged (a CSP violation, a missing asset, a script error), and writes a
 * screenshot of each page under target/console-screenshots/.
 */
class ConsoleBrowserIT {

    private static final String DATABASE = "tongxin_console_it";
    private static final int REDIS_DB = 10;
    private static final Path SHOTS = Path.of("target/console-screenshots");
    private static final Path DOWNLOADS = Path.of("target/console-downloads").toAbsolutePath();
    private static final WeChatStub WECHAT = new WeChatStub();
    private static Map<String, String> config;
    private static ServiceProcess service;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        config = ProdConfig.of("console", DATABASE, REDIS_DB, WECHAT.start());
        config.put("tongxin.pii.encryption-key", ProdConfig.key());
        config.put("tongxin.pii.key-id", "1");
        service = ServiceProcess.start("console", config);
        io.restassured.RestAssured.port = service.port();
        base = "http://localhost:" + service.port();
        Files.createDirectories(SHOTS);
        Files.createDirectories(DOWNLOADS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        WECHAT.stop();
    }

    @Test
    void staffLogInByScanDecideAnApplicationAndLogOut() throws Exception {
        Api.User admin = ProdConfig.admin(config);
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = ProdConfig.invited(admin, "COMMUNITY_STAFF", org.communityId());
        Api.User applicant = Api.resident();
        applicant.as().body(Map.of("communityId", org.communityId(), "name", "王小英", "skills", List.of("DRIVING")))
                .post("/api/volunteer-applications").then().statusCode(201);
        String applicationId = applicant.as().get("/api/volunteers/me").then().statusCode(200).extract().path("id");
        String checkpoint = staff.as().body(Map.of("communityId", org.communityId(), "name", "北门卡点", "location", "北门",
                "shiftStartHours", List.of(0, 8, 16), "shiftLengthHours", 8, "capacity", 2)).post("/api/checkpoints")
                .then().statusCode(201).extract().path("id");
        staff.as().body(Map.of("from", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), "days", 2))
                .post("/api/checkpoints/" + checkpoint + "/shifts").then().statusCode(201);
        staff.as().body(Map.of("type", "MEDICINE", "description", "降压药两盒", "householdId", org.householdId()))
                .post("/api/care-requests").then().statusCode(201);
        String rice = staff.as().body(Map.of("communityId", org.communityId(), "name", "东北大米", "kind", "RICE_FLOUR", "priceFen", 4990,
                "unit", "袋", "perHouseholdLimit", 2, "supplier", "粮油公司")).post("/api/products").then().statusCode(201).extract().path("id");
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        String window = staff.as().body(Map.of("communityId", org.communityId(), "opensAt", now.minusMinutes(5).toString(),
                "closesAt", now.plusHours(2).toString(), "stock", List.of(Map.of("productId", rice, "quantity", 50))))
                .post("/api/ordering-windows").then().statusCode(201).extract().path("id");
        String joinCode = staff.as().body(Map.of("room", "1201")).post("/api/buildings/" + org.buildingId() + "/households")
                .then().statusCode(201).extract().path("joinCode");
        Api.User buyer = Api.resident();
        buyer.as().body(Map.of("joinCode", joinCode)).post("/api/me/household").then().statusCode(200);
        buyer.as().header("Idempotency-Key", "console-it").body(Map.of("windowId", window, "items", List.of(Map.of("productId", rice,
                "quantity", 2)))).post("/api/orders").then().statusCode(201);
        OrgFixture elsewhere = OrgFixture.streetToHousehold(admin);
        Api.User stranger = ProdConfig.invited(admin, "COMMUNITY_STAFF", elsewhere.communityId());

        WebDriver browser = chromium();
        try {
            browser.get(base + "/console/");
            assertTrue(browser.getCurrentUrl().endsWith("/console/login"), browser.getCurrentUrl());
            String nonce = browser.findElement(By.id("login-qr")).getAttribute("data-nonce");
            shot(browser, "login");
            assertEquals("tongxin-console:" + nonce, decodeQr(SHOTS.resolve("login.png")), "the QR on the screen is the nonce's");
            Api.resident().as().post("/api/console-sessions/" + nonce + "/approve").then().spec(problem(403, "CONSOLE_STAFF_ONLY"));
            staff.as().post("/api/console-sessions/" + nonce + "/approve").then().statusCode(204);
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(base + "/console/"));
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains("同心工作台"));
            assertTrue(browser.findElement(By.id("applications")).getText().contains("驾驶"));
            assertTrue(browser.findElement(By.id("gaps")).getText().contains("北门卡点"));
            assertTrue(browser.findElement(By.id("to-triage")).getText().contains("买药"));
            Cookie session = browser.manage().getCookieNamed("tongxin_console");
            assertTrue(session.isHttpOnly() && session.isSecure() && "Strict".equals(session.getSameSite()), session.toString());
            shot(browser, "board");
            noConsoleErrors(browser, "login and board");

            // Approve the application inline.
            var row = browser.findElement(By.cssSelector("tr[data-application='" + applicationId + "']"));
            row.findElement(By.name("team")).sendKeys("一队");
            row.findElement(By.xpath(".//button[text()='批准']")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector("tr[data-application='" + applicationId + "']")));
            applicant.as().get("/api/volunteers/me").then().statusCode(200).body("status", equalTo("APPROVED"))
                    .body("team", equalTo("一队"));

            // A notice: the robots' preview while typing, publish, the group chat's row reaches SENT (WeCom stub) while the page watches.
            staff.as().body(Map.of("communityId", org.communityId(), "name", "三里屯一群", "webhookKey", "console-it-key-1"))
                    .post("/api/group-chats").then().statusCode(201);
            browser.findElement(By.linkText("通知")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("compose")));
            browser.findElement(By.id("title")).sendKeys("明日核酸检测");
            browser.findElement(By.id("body")).sendKeys("请全体居民明早八点到北门广场，**带好手机**。");
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("preview"), "**明日核酸检测**"));
            shot(browser, "notices");
            browser.findElement(By.id("publish")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("delivery-table")));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.findElements(By.cssSelector("#delivery-table tr[data-status]"))
                    .stream().allMatch(r -> "SENT".equals(r.getAttribute("data-status"))));
            assertEquals(2, browser.findElements(By.cssSelector("#delivery-table tr[data-status='SENT']")).size(),
                    "the group chat's row and the feed's");
            shot(browser, "notice");
            noConsoleErrors(browser, "publishing a notice");
            // The orders page: the window's summary, and its XLSX sheet downloaded and opened.
            browser.findElement(By.linkText("订单")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("by-building")));
            assertTrue(browser.findElement(By.id("by-building")).getText().contains("东北大米"));
            shot(browser, "orders");
            browser.findElement(By.id("sheet-xlsx")).click();
            Path sheet = DOWNLOADS.resolve("delivery-" + window + ".xlsx");
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> Files.exists(sheet));
            assertTrue(xlsxText(sheet).contains("东北大米") && xlsxText(sheet).contains("1201"), "the sheet lists the order with its room");
            noConsoleErrors(browser, "the orders page and the download");

            // The roster: the next 24 hours charted (the checkpoint seeded above has no one yet), the volunteer approved above in 一队.
            browser.findElement(By.linkText("志愿者与排班")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("coverage-chart")));
            assertTrue(browser.findElements(By.cssSelector("#coverage-chart svg rect")).size() >= 6, "two rectangles per shift bar");
            assertTrue(browser.getPageSource().contains("一队"));
            shot(browser, "roster");
            noConsoleErrors(browser, "the roster page");

            // A batch resting after disinfection: the board counts the rest down (the console's script, under the CSP)
            // and keeps the release button disabled. The window closes a few seconds after its one order.
            String eggs = staff.as().body(Map.of("communityId", org.communityId(), "name", "鸡蛋", "kind", "OTHER", "priceFen", 1800,
                    "unit", "盒", "perHouseholdLimit", 1)).post("/api/products").then().statusCode(201).extract().path("id");
            java.time.OffsetDateTime closes = java.time.OffsetDateTime.now().plusSeconds(5);
            String shortWindow = staff.as().body(Map.of("communityId", org.communityId(), "opensAt", closes.minusMinutes(10).toString(),
                    "closesAt", closes.toString(), "stock", List.of(Map.of("productId", eggs, "quantity", 10))))
                    .post("/api/ordering-windows").then().statusCode(201).extract().path("id");
            buyer.as().header("Idempotency-Key", "console-it-eggs").body(Map.of("windowId", shortWindow, "items",
                    List.of(Map.of("productId", eggs, "quantity", 1)))).post("/api/orders").then().statusCode(201);
            Thread.sleep(Math.max(0, Duration.between(java.time.OffsetDateTime.now(), closes).toMillis() + 500));
            String batch = staff.as().body(Map.of("windowId", shortWindow)).post("/api/batches").then().statusCode(201).extract().path("id");
            for (String step : List.of("arrive", "disinfect", "store")) {
                staff.as().post("/api/batches/" + batch + "/" + step).then().statusCode(200);
            }
            browser.findElement(By.linkText("今日")).click();
            By countdown = By.cssSelector("tr[data-batch='" + batch + "'] .countdown");
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(countdown));
            String restLeft = browser.findElement(countdown).getText();
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> !b.findElement(countdown).getText().equals(restLeft));
            assertTrue(!browser.findElement(By.id("release-" + batch)).isEnabled(), "the release waits for the rest");
            new org.openqa.selenium.interactions.Actions(browser).scrollToElement(browser.findElement(By.id("window-title"))).perform();
            shot(browser, "board-batches");
            noConsoleErrors(browser, "the board's batches");

            // The care page: requests by status, and the register opened only when asked for.
            staff.as().body(Map.of("householdId", org.householdId(), "name", "李桂兰", "category", "ELDERLY_ALONE", "note", "独居，行动不便"))
                    .post("/api/vulnerable-persons").then().statusCode(201);
            browser.findElement(By.linkText("关怀")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("care-chart")));
            assertTrue(browser.findElement(By.id("care-requests")).getText().contains("降压药两盒"));
            assertTrue(!browser.getPageSource().contains("李桂兰"), "the register stays closed until asked for");
            browser.findElement(By.id("show-register")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("register")));
            assertTrue(browser.findElement(By.id("register")).getText().contains("李桂兰"));
            new org.openqa.selenium.interactions.Actions(browser).scrollToElement(browser.findElement(By.id("register"))).perform();
            shot(browser, "care");
            noConsoleErrors(browser, "the care page");
            browser.findElement(By.linkText("今日")).click();

            // A POST without the form's CSRF token is refused, even with the session's cookie.
            given().redirects().follow(false).baseUri(base).cookie("tongxin_console", session.getValue())
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("team", "二队")
                    .post("/console/volunteers/" + applicationId + "/approve").then().statusCode(403)
                    .body(containsString("CONSOLE_FORM_EXPIRED"));

            browser.findElement(By.id("logout")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/console/login"));
            given().redirects().follow(false).baseUri(base).cookie("tongxin_console", session.getValue()).get("/console/")
                    .then().statusCode(303);
            noConsoleErrors(browser, "approving and logging out");

            // Staff of another community see nothing of this one.
            String second = browser.findElement(By.id("login-qr")).getAttribute("data-nonce");
            stranger.as().post("/api/console-sessions/" + second + "/approve").then().statusCode(204);
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(base + "/console/"));
            assertTrue(!browser.getPageSource().contains(org.communityId().toString()));
            browser.get(base + "/console/?community=" + org.communityId());
            assertEquals("FORBIDDEN", browser.findElement(By.id("problem-code")).getText());
            shot(browser, "refused");
        } finally {
            browser.quit();
        }
    }

    /** Headless Chromium from the system's packages, found by path; nothing is downloaded. */
    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toFile());
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    private static void noConsoleErrors(WebDriver browser, String during) {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !e.getMessage().contains("status of 403")) {
                errors.add(e.getMessage());
            }
        }
        assertEquals(List.of(), errors, "browser console errors during " + during);
    }

    /** Everything an XLSX workbook holds as text (its parts are XML in a zip): the file opened as a spreadsheet program would. */
    private static String xlsxText(Path file) throws Exception {
        StringBuilder text = new StringBuilder();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                if (e.getName().endsWith(".xml")) { // parsed, so that character references (FastExcel's &#x4e1c;) are read as text
                    text.append(javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                            .parse(zip.getInputStream(e)).getDocumentElement().getTextContent()).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** The text of the one QR code in a picture, read back by zbar (deploy/test.sh installs zbar-tools). */
    private static String decodeQr(Path png) throws Exception {
        Process p = new ProcessBuilder("zbarimg", "-q", "--raw", png.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static void shot(WebDriver browser, String name) throws Exception {
        Path png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
