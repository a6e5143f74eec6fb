package org.tongxin.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;
import org.tongxin.support.ShiftFixture;

/**
 * The console's scan-to-log-in flow and its session (docs/console.md), over HTTP in-process: the
 * browser's requests are made with its cookies by hand; the end-to-end journeys in a real Chromium
 * are ConsoleBrowserIT's.
 */
@QuarkusTest
class ConsoleLoginTest {

    private static final Pattern NONCE = Pattern.compile("data-nonce=\"([A-Za-z0-9_-]{24})\"");
    /** What a browser sends (RestAssured would default to ISO-8859-1). */
    static final String FORM = ContentType.URLENC.withCharset("UTF-8");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** A browser on the login page: its nonce and the secret cookie that binds the nonce to it. */
    record Browser(String nonce, String secret) {}

    static Browser openLoginPage() {
        Response page = given().redirects().follow(false).get("/console/login");
        page.then().statusCode(200).contentType(ContentType.HTML).body(containsString("<svg"))
                .header("Content-Security-Policy", containsString("script-src 'self'")).header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store");
        Matcher m = NONCE.matcher(page.asString());
        assertTrue(m.find(), "the login page shows a nonce");
        String cookie = page.getHeader("Set-Cookie");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/console"), cookie);
        return new Browser(m.group(1), page.getCookie(ConsolePages.LOGIN_COOKIE));
    }

    static Response poll(Browser b) {
        return given().redirects().follow(false).cookie(ConsolePages.LOGIN_COOKIE, b.secret()).get("/console/login/" + b.nonce() + "/wait");
    }

    /** Logs {@code staff} in by the scan flow; answers the console session's cookie. */
    static String logIn(Api.User staff) {
        Browser b = openLoginPage();
        staff.as().post("/api/console-sessions/" + b.nonce() + "/approve").then().statusCode(204);
        Response done = poll(b);
        done.then().statusCode(200).header("HX-Redirect", "/console/");
        String token = done.getCookie(ConsolePages.SESSION_COOKIE);
        assertNotNull(token);
        return token;
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertTrue(m.find(), "the page has a CSRF field");
        return m.group(1);
    }

    @Test
    void staffScanTheQrAndTheBrowserThatShowsItIsLoggedInOnce() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        Browser b = openLoginPage();
        poll(b).then().statusCode(204);
        Api.resident().as().post("/api/console-sessions/" + b.nonce() + "/approve").then().spec(problem(403, "CONSOLE_STAFF_ONLY"));
        poll(b).then().statusCode(204);

        staff.as().post("/api/console-sessions/" + b.nonce() + "/approve").then().statusCode(204);
        staff.as().post("/api/console-sessions/" + b.nonce() + "/approve").then().spec(problem(410, "CONSOLE_NONCE_EXPIRED"));
        // Someone who saw the QR but is not that browser gets nothing, and does not use it up.
        given().redirects().follow(false).cookie(ConsolePages.LOGIN_COOKIE, "not-the-browser")
                .get("/console/login/" + b.nonce() + "/wait").then().statusCode(286);
        Response done = poll(b);
        done.then().statusCode(200).header("HX-Redirect", "/console/");
        String setCookie = String.join("\n", done.getHeaders().getValues("Set-Cookie"));
        assertTrue(setCookie.contains(ConsolePages.SESSION_COOKIE + "=") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"),
                setCookie);
        poll(b).then().statusCode(286).body(containsString("过期"));

        String token = done.getCookie(ConsolePages.SESSION_COOKIE);
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).get("/console/")
                .then().statusCode(200).body(containsString("同心工作台")).body(containsString("退出登录"));
        given().redirects().follow(false).get("/console/").then().statusCode(303).header("Location", containsString("/console/login"));
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, "forged").get("/console/").then().statusCode(303);

        // The page's assets come from the service itself, cacheable.
        given().get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200).header("Cache-Control", containsString("max-age"));
        given().get("/console/console.css").then().statusCode(200).contentType(containsString("text/css"));

        given().post("/api/console-sessions/" + b.nonce() + "/approve").then().spec(problem(401, "UNAUTHORIZED"));
        // Dev login is off wherever WeChat is configured (as in the test profile): the form's endpoint is not there.
        given().redirects().follow(false).cookie(ConsolePages.LOGIN_COOKIE, b.secret()).contentType(FORM).formParam("name", "alice")
                .formParam("nonce", b.nonce()).post("/console/dev-login").then().statusCode(404).body(containsString("NOT_FOUND"));
        // A malformed id in a console URL or form is a client error, not a 500.
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).get("/console/?community=not-a-uuid")
                .then().statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)));
        staff.as().post("/api/console-sessions/" + UUID.randomUUID() + "/approve").then().spec(problem(410, "CONSOLE_NONCE_EXPIRED"));
        staff.as().post("/api/console-sessions/%7Bx%7D/approve").then().spec(problem(410, "CONSOLE_NONCE_EXPIRED"));
    }

    @Test
    void manyPhonesApprovingAtOnceApproveOnceAndManyPollsRedeemOnce() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        List<Api.User> staff = List.of(ShiftFixture.staff(org), ShiftFixture.staff(org), ShiftFixture.staff(org), ShiftFixture.staff(org));
        Browser b = openLoginPage();
        List<Integer> approvals = Parallel.times(8, i -> staff.get(i % 4).as().post("/api/console-sessions/" + b.nonce() + "/approve")
                .then().extract().statusCode());
        assertEquals(1, approvals.stream().filter(s -> s == 204).count(), approvals.toString());
        assertEquals(7, approvals.stream().filter(s -> s == 410).count(), approvals.toString());
        List<String> sessions = Parallel.times(8, i -> poll(b).getCookie(ConsolePages.SESSION_COOKIE));
        assertEquals(1, sessions.stream().filter(s -> s != null && !s.isEmpty()).count(), sessions.toString());
    }

    @Test
    void theSessionEndsWithLogoutWithTheMiniProgramsLogoutAndWithARevokedRole() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);

        String token = logIn(staff);
        String board = given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/").then().statusCode(200).extract().asString();
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM)
                .formParam("csrf", "wrong").post("/console/logout").then().statusCode(403).body(containsString("CONSOLE_FORM_EXPIRED"));
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM)
                .post("/console/logout").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM)
                .formParam("csrf", csrfOf(board)).post("/console/logout").then().statusCode(303).header("Location", containsString("/console/login"));
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).get("/console/").then().statusCode(303);

        String second = logIn(staff);
        staff.as().post("/api/auth/logout").then().statusCode(204);
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, second).get("/console/").then().statusCode(303);

        Api.User other = ShiftFixture.staff(org);
        String third = logIn(other);
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, third).get("/console/").then().statusCode(200);
        Api.User admin = Api.districtAdmin();
        String grantId = admin.as().get("/api/grants?communityId=" + org.communityId() + "&size=100").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(g -> other.id().toString().equals(g.get("userId"))).map(g -> g.get("id").toString()).findFirst().orElseThrow();
        admin.as().delete("/api/grants/" + grantId).then().statusCode(204);
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, third).get("/console/").then().statusCode(303);
    }

    @Test
    void staffDecideVolunteerApplicationsOnTheBoardOnlyWithTheFormsToken() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        Api.User applicant = ShiftFixture.applicant(org);
        String id = applicant.as().get("/api/volunteers/me").then().statusCode(200).extract().path("id");
        String token = logIn(staff);
        String board = given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/").then().statusCode(200)
                .body(containsString("data-application=\"" + id + "\"")).extract().asString();

        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM)
                .formParam("team", "一队").post("/console/volunteers/" + id + "/approve").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM)
                .formParam("csrf", csrfOf(board)).formParam("reason", "").post("/console/volunteers/" + id + "/reject")
                .then().statusCode(400).body(containsString("VALIDATION_FAILED"));
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM)
                .formParam("csrf", csrfOf(board)).formParam("team", "一队").formParam("community", org.communityId().toString())
                .post("/console/volunteers/" + id + "/approve").then().statusCode(303);
        applicant.as().get("/api/volunteers/me").then().statusCode(200).body("status", equalTo("APPROVED")).body("team", equalTo("一队"));
        given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/").then().statusCode(200)
                .body(not(containsString("data-application=\"" + id + "\"")));
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM)
                .formParam("csrf", csrfOf(board)).post("/console/volunteers/" + id + "/approve").then().statusCode(409)
                .body(containsString("APPLICATION_NOT_PENDING"));

        // Staff of another community see nothing of this one.
        OrgFixture elsewhere = OrgFixture.streetToHousehold(Api.districtAdmin());
        String stranger = logIn(ShiftFixture.staff(elsewhere));
        given().cookie(ConsolePages.SESSION_COOKIE, stranger).get("/console/?community=" + org.communityId()).then().statusCode(403)
                .body(containsString("FORBIDDEN"));
        given().cookie(ConsolePages.SESSION_COOKIE, stranger).get("/console/").then().statusCode(200)
                .body(not(containsString(org.communityId().toString())));
    }

    @Test
    void staffPreviewTheRobotsCutPublishANoticeAndFollowItsDeliveries() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        String token = logIn(staff);
        String page = given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/notices").then().statusCode(200)
                .body(containsString("id=\"compose\"")).body(containsString("GRID:" + org.gridId())).extract().asString();
        String csrf = csrfOf(page);

        String longBody = "封控期间请勿外出。\n".repeat(400);
        given().cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM).formParam("csrf", csrf).formParam("title", "通知")
                .formParam("body", longBody).post("/console/notices/preview").then().statusCode(200)
                .body(containsString("已截断")).body(containsString("全文请在"));
        given().cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM).formParam("csrf", csrf).formParam("title", "核酸")
                .formParam("body", "明早八点").post("/console/notices/preview").then().statusCode(200)
                .body(containsString("**核酸**")).body(not(containsString("已截断")));

        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM).formParam("title", "核酸检测")
                .formParam("body", "明早八点").formParam("scope", "COMMUNITY:" + org.communityId()).formParam("channels", "FEED")
                .post("/console/notices").then().statusCode(403);
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM).formParam("csrf", csrf)
                .formParam("title", "核酸检测").formParam("body", "明早八点").formParam("scope", "nowhere").formParam("channels", "FEED")
                .post("/console/notices").then().statusCode(400).body(containsString("VALIDATION_FAILED"));
        String location = given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM)
                .formParam("csrf", csrf).formParam("community", org.communityId().toString()).formParam("title", "核酸检测")
                .formParam("body", "明早八点在小区北门").formParam("scope", "GRID:" + org.gridId()).formParam("channels", "FEED")
                .post("/console/notices").then().statusCode(303).extract().header("Location");
        String id = location.replaceAll(".*/console/notices/([0-9a-f-]{36}).*", "$1");
        given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/notices/" + id).then().statusCode(200)
                .body(containsString("核酸检测")).body(containsString("已发布")).body(containsString("data-status=\"SENT\""));
        given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/notices/" + id + "/deliveries").then().statusCode(286);
        staff.as().get("/api/notices/" + id + "/deliveries").then().statusCode(200).body("[0].channel", equalTo("FEED"));
        String later = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).withNano(0).toString();
        String scheduled = given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM)
                .formParam("csrf", csrf).formParam("title", "明日停水").formParam("body", "明天九点到十一点停水")
                .formParam("scope", "COMMUNITY:" + org.communityId()).formParam("channels", "FEED").formParam("sendAt", later)
                .post("/console/notices").then().statusCode(303).extract().header("Location")
                .replaceAll(".*/console/notices/([0-9a-f-]{36}).*", "$1");
        given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/notices").then().statusCode(200)
                .body(containsString("data-notice=\"" + id + "\"")).body(containsString("data-notice=\"" + scheduled + "\""))
                .body(containsString("定时发送"));

        OrgFixture elsewhere = OrgFixture.streetToHousehold(Api.districtAdmin());
        String stranger = logIn(ShiftFixture.staff(elsewhere));
        given().cookie(ConsolePages.SESSION_COOKIE, stranger).get("/console/notices/" + id).then().statusCode(403);
    }

    @Test
    void theBoardShowsTheNextDaysHolesAndCareRequestsAndTriagesThemInline() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID checkpoint = ShiftFixture.checkpoint(staff, org, 2);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        staff.as().body(Map.of("from", today.toString(), "days", 2)).post("/api/checkpoints/" + checkpoint + "/shifts").then().statusCode(201);
        String request = staff.as().body(Map.of("type", "MEDICINE", "description", "降压药", "householdId", org.householdId()))
                .post("/api/care-requests").then().statusCode(201).extract().path("id");

        String token = logIn(staff);
        String board = given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/").then().statusCode(200)
                .body(containsString("id=\"gaps\"")).body(containsString("data-request=\"" + request + "\""))
                .body(containsString("买药")).extract().asString();
        // The next 24 hours hold three or four of the 8-hour shifts, each 2 short.
        long holes = Pattern.compile("<tr class=\"alert\"><td>").matcher(board.substring(board.indexOf("id=\"gaps\""),
                board.indexOf("</table>", board.indexOf("id=\"gaps\"")))).results().count();
        assertTrue(holes >= 3 && holes <= 4, "holes in the next 24 h: " + holes);

        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM).formParam("csrf", csrfOf(board))
                .formParam("priority", "P9").post("/console/care-requests/" + request + "/triage").then().statusCode(400);
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM).formParam("csrf", csrfOf(board))
                .formParam("priority", "P1").post("/console/care-requests/" + request + "/triage").then().statusCode(303);
        staff.as().get("/api/care-requests/" + request).then().statusCode(200).body("status", equalTo("TRIAGED")).body("priority", equalTo("P1"));
        Api.User helper = ShiftFixture.volunteer(org, staff);
        String withHelpers = given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/").then().statusCode(200)
                .body(containsString("id=\"to-assign\"")).body(containsString("data-request=\"" + request + "\""))
                .body(containsString("<option value=\"" + helper.id() + "\"")).extract().asString();
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM).formParam("csrf", csrfOf(withHelpers))
                .formParam("assigneeId", UUID.randomUUID().toString()).post("/console/care-requests/" + request + "/assign")
                .then().statusCode(400).body(containsString("ASSIGNEE_NOT_ELIGIBLE"));
        given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM).formParam("csrf", csrfOf(withHelpers))
                .formParam("assigneeId", helper.id().toString()).post("/console/care-requests/" + request + "/assign")
                .then().statusCode(303);
        staff.as().get("/api/care-requests/" + request).then().statusCode(200).body("status", equalTo("ASSIGNED"))
                .body("assigneeId", equalTo(helper.id().toString()));

        // A lane head sees the care requests of their lane but neither the roster nor the applications.
        String laneHead = logIn(Api.withRole(Role.GRID_WORKER, org.grid()));
        given().cookie(ConsolePages.SESSION_COOKIE, laneHead).get("/console/").then().statusCode(200)
                .body(not(containsString("id=\"gaps\""))).body(not(containsString("id=\"applications\"")))
                .body(containsString("id=\"assign-title\"")).body(not(containsString("name=\"assigneeId\"")));
    }

    @Test
    void staffSeeAWindowsSummaryAndDownloadItsSheetsWhichOtherCommunitiesCannot() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        String token = logIn(staff);
        given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/orders").then().statusCode(200).body(containsString("还没有订购时段"));

        UUID rice = OrderFixture.product(staff, org, "大米", 5, "粮油公司");
        UUID window = OrderFixture.openWindow(staff, org, Map.of(rice, 100));
        Api.User household = OrderFixture.household(staff, org);
        household.as().header("Idempotency-Key", "console-1").body(OrderFixture.order(window, rice, 3))
                .post("/api/orders").then().statusCode(201);

        given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/orders").then().statusCode(200)
                .body(containsString("id=\"by-building\"")).body(containsString("大米")).body(containsString("粮油公司"))
                .body(containsString("/console/orders/" + window + "/sheet.xlsx"))
                .body(containsString("id=\"orders-chart\"")).body(containsString("：1 单</title>"));
        given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/orders/" + window + "/sheet.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .body(containsString("大米"));
        byte[] xlsx = given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/orders/" + window + "/sheet.xlsx").then()
                .statusCode(200).extract().asByteArray();
        assertEquals("PK", new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.US_ASCII), "an XLSX is a zip");
        given().redirects().follow(false).get("/console/orders/" + window + "/sheet.xlsx").then().statusCode(303);

        OrgFixture elsewhere = OrgFixture.streetToHousehold(Api.districtAdmin());
        String stranger = logIn(ShiftFixture.staff(elsewhere));
        given().cookie(ConsolePages.SESSION_COOKIE, stranger).get("/console/orders/" + window + "/sheet.xlsx").then().statusCode(403);
        given().cookie(ConsolePages.SESSION_COOKIE, stranger).get("/console/orders?window=" + window).then().statusCode(404)
                .body(containsString("WINDOW_NOT_FOUND"));
    }

    @Test
    void theRosterPageChartsTheNextDaysShiftsAndListsVolunteersByTeam() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID checkpoint = ShiftFixture.checkpoint(staff, org, 1);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        staff.as().body(Map.of("from", today.toString(), "days", 2)).post("/api/checkpoints/" + checkpoint + "/shifts").then().statusCode(201);
        Api.User applicant = ShiftFixture.applicant(org);
        String id = applicant.as().get("/api/volunteers/me").then().statusCode(200).extract().path("id");
        staff.as().body(Map.of("team", "巡逻队")).post("/api/volunteer-applications/" + id + "/approve").then().statusCode(200);

        String token = logIn(staff);
        String page = given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/roster").then().statusCode(200)
                .body(containsString("id=\"coverage-chart\"")).body(containsString("巡逻队")).extract().asString();
        String chart = page.substring(page.indexOf("<svg", page.indexOf("coverage-chart")), page.indexOf("</svg>", page.indexOf("coverage-chart")));
        long bars = Pattern.compile("<title>[0-9:]+–[0-9:]+：已认领 0 / 1</title>").matcher(chart).results().count();
        assertTrue(bars >= 3 && bars <= 4, "the next 24 hours hold three or four 8-hour shifts: " + bars);
        assertTrue(!chart.contains("style=") && !chart.contains("<script"), "the chart needs no style attribute and no script (CSP)");

        OrgFixture elsewhere = OrgFixture.streetToHousehold(Api.districtAdmin());
        String lane = logIn(Api.withRole(Role.GRID_WORKER, elsewhere.grid()));
        given().cookie(ConsolePages.SESSION_COOKIE, lane).get("/console/roster").then().statusCode(403).body(containsString("FORBIDDEN"));
    }
}
