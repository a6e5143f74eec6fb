package org.tongxin.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.console.ConsoleLoginTest.FORM;
import static org.tongxin.console.ConsoleLoginTest.csrfOf;
import static org.tongxin.console.ConsoleLoginTest.logIn;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
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
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.TestClock;

/**
 * The console's pages beyond the login (docs/console.md), over HTTP in-process with the session's
 * cookie: batches through the three zones with the rest counted down, the open window on the board,
 * grid workers as care assignees, the roster's claims and check-ins, the care page and its register.
 */
@QuarkusTest
class ConsolePagesTest {

    private static final Pattern COUNTDOWN = Pattern.compile("class=\"countdown\" data-seconds=\"(\\d+)\"");

    @Inject
    TestClock clock;

    private static String page(String token, String path) {
        return given().cookie(ConsolePages.SESSION_COOKIE, token).get(path).then().statusCode(200).extract().asString();
    }

    private static ValidatableResponse post(String token, String csrf, String path, Map<String, ?> form) {
        var request = given().redirects().follow(false).cookie(ConsolePages.SESSION_COOKIE, token).contentType(FORM).formParam("csrf", csrf);
        form.forEach(request::formParam);
        return request.post(path).then();
    }

    @Test
    void aWindowsOrdersPassTheThreeZonesFromTheBoardAndTheReleaseWaitsForTheRest() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID rice = OrderFixture.product(staff, org, "大米", 5, "粮油公司");
        UUID window = OrderFixture.openWindow(staff, org, Map.of(rice, 100));
        OrderFixture.household(staff, org).as().header("Idempotency-Key", "board-1").body(OrderFixture.order(window, rice, 3))
                .post("/api/orders").then().statusCode(201);
        String token = logIn(staff);

        // While the window is open, the board shows what was ordered and what is left; no batch yet.
        String open = page(token, "/console/");
        assertTrue(open.contains("id=\"open-window\"") && open.contains("已下单 1 份"), "the open window's summary");
        assertTrue(Pattern.compile("<td>大米[^<]*</td><td>3 份</td><td>97 份</td>").matcher(open).find(), "ordered and left of the product");
        assertTrue(open.contains("没有在途的批次"), "no batch yet");
        String orders = page(token, "/console/orders");
        assertTrue(orders.contains("id=\"stock\"") && orders.contains("id=\"products\"") && orders.contains("粮油公司"));
        assertTrue(!orders.contains("id=\"create-batch\""), "no batch of an open window");
        post(token, csrfOf(orders), "/console/batches", Map.of("windowId", window, "community", org.communityId()))
                .statusCode(409).body(containsString("WINDOW_STILL_OPEN"));

        clock.advance(Duration.ofHours(2));
        orders = page(token, "/console/orders");
        assertTrue(orders.contains("id=\"create-batch\""), "a closed window can be batched");
        post(token, csrfOf(orders), "/console/batches", Map.of("windowId", window, "community", org.communityId())).statusCode(303);
        post(token, csrfOf(orders), "/console/batches", Map.of("windowId", window)).statusCode(409).body(containsString("NOTHING_TO_BATCH"));
        String batch = staff.as().get("/api/batches?communityId=" + org.communityId()).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].status", equalTo("CREATED")).body("[0].orderCount", equalTo(1))
                .extract().path("[0].id");

        String board = page(token, "/console/");
        assertTrue(board.contains("data-batch=\"" + batch + "\"") && !board.contains("id=\"open-window\""));
        post(token, csrfOf(board), "/console/batches/" + batch + "/step", Map.of("to", "STORED")).statusCode(409)
                .body(containsString("BAD_TRANSITION"));
        post(token, csrfOf(board), "/console/batches/" + batch + "/step", Map.of("to", "LATER")).statusCode(400)
                .body(containsString("VALIDATION_FAILED"));
        post(token, "forged", "/console/batches/" + batch + "/step", Map.of("to", "ARRIVED")).statusCode(403);
        for (String step : List.of("ARRIVED", "DISINFECTED", "STORED")) {
            post(token, csrfOf(board), "/console/batches/" + batch + "/step", Map.of("to", step, "community", org.communityId()))
                    .statusCode(303).header("Location", containsString("/console/?community=" + org.communityId()));
        }
        board = page(token, "/console/");
        Matcher left = COUNTDOWN.matcher(board);
        assertTrue(left.find(), "the rest is counted down");
        long seconds = Long.parseLong(left.group(1));
        assertTrue(seconds > 29 * 60 && seconds <= 30 * 60, "about 30 minutes of rest left: " + seconds);
        assertTrue(board.contains("id=\"release-" + batch + "\" disabled"), "the release button waits for the rest");
        post(token, csrfOf(board), "/console/batches/" + batch + "/step", Map.of("to", "RELEASED")).statusCode(409)
                .body(containsString("REST_NOT_OVER"));

        clock.advance(Duration.ofMinutes(31));
        board = page(token, "/console/");
        assertTrue(!COUNTDOWN.matcher(board).find() && board.contains("id=\"release-" + batch + "\">"), "released once rested");
        post(token, csrfOf(board), "/console/batches/" + batch + "/step", Map.of("to", "RELEASED")).statusCode(303);
        staff.as().get("/api/batches?communityId=" + org.communityId()).then().statusCode(200).body("[0].status", equalTo("RELEASED"));
        assertTrue(page(token, "/console/").contains("已放行"));

        // Another community's staff may neither step the batch nor list it; a lane head does not see batches.
        OrgFixture elsewhere = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User stranger = ShiftFixture.staff(elsewhere);
        stranger.as().get("/api/batches?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));
        stranger.as().get("/api/products?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));
        stranger.as().get("/api/ordering-windows?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));
        stranger.as().get("/api/ordering-windows/" + window + "/stock").then().spec(problem(403, "FORBIDDEN"));
        staff.as().get("/api/ordering-windows/" + UUID.randomUUID() + "/stock").then().spec(problem(404, "WINDOW_NOT_FOUND"));
        staff.as().get("/api/ordering-windows/" + window + "/stock").then().statusCode(200).body("[0].remaining", equalTo(97));
        staff.as().get("/api/products?communityId=" + org.communityId()).then().statusCode(200).body("supplier", hasItem("粮油公司"));
        staff.as().get("/api/ordering-windows?communityId=" + org.communityId()).then().statusCode(200)
                .body("id", hasItem(window.toString()));
        String strangerToken = logIn(stranger);
        post(strangerToken, csrfOf(page(strangerToken, "/console/")), "/console/batches/" + batch + "/step", Map.of("to", "RELEASED"))
                .statusCode(403);
        String lane = logIn(Api.withRole(Role.GRID_WORKER, org.grid()));
        String laneBoard = page(lane, "/console/");
        assertTrue(!laneBoard.contains("id=\"batches-title\"") && !laneBoard.contains("id=\"window-title\""));
    }

    @Test
    void gridWorkersOfTheRequestsGridCanBeAssignedFromTheBoard() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        Api.User gridWorker = Api.withRole(Role.GRID_WORKER, org.grid());
        OrgFixture elsewhere = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User otherGrid = Api.withRole(Role.GRID_WORKER, elsewhere.grid());
        String request = staff.as().body(Map.of("type", "MEDICINE", "description", "胰岛素", "householdId", org.householdId()))
                .post("/api/care-requests").then().statusCode(201).extract().path("id");
        staff.as().body(Map.of("priority", "P2")).post("/api/care-requests/" + request + "/triage").then().statusCode(200);

        staff.as().get("/api/care-requests/assignees?communityId=" + org.communityId()).then().statusCode(200)
                .body("userId", hasItem(gridWorker.id().toString())).body("userId", not(hasItem(otherGrid.id().toString())))
                .body("find { it.userId == '" + gridWorker.id() + "' }.gridWorker", equalTo(true));
        Api.resident().as().get("/api/care-requests/assignees?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));

        String token = logIn(staff);
        String board = page(token, "/console/");
        assertTrue(board.contains("<option value=\"" + gridWorker.id() + "\"") && board.contains("网格员"), "the grid worker is offered");
        post(token, csrfOf(board), "/console/care-requests/" + request + "/assign", Map.of("assigneeId", gridWorker.id()))
                .statusCode(303);
        gridWorker.as().get("/api/care-requests/assigned").then().statusCode(200).body("items.id", hasItem(request));
    }

    @Test
    void theRosterShowsWhoClaimedEachShiftAndWhoCheckedIn() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        LocalDate date = ShiftFixture.future();
        UUID checkpoint = ShiftFixture.checkpoint(staff, org, 2);
        List<UUID> day = ShiftFixture.day(staff, checkpoint, date);
        Api.User early = ShiftFixture.volunteer(org, staff);
        Api.User late = ShiftFixture.volunteer(org, staff);
        UUID shift = day.get(1);
        early.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        late.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        clock.setTo(ShiftFixture.startOf(date, 8).minusMinutes(10));
        early.as().post("/api/shifts/" + shift + "/check-in").then().statusCode(200);

        staff.as().get("/api/checkpoints/" + checkpoint + "/claims?from=" + date + "&to=" + date).then().statusCode(200)
                .body("size()", equalTo(2)).body("status", hasItems("CHECKED_IN", "CLAIMED"))
                .body("[0].status", equalTo("CHECKED_IN")).body("[0].shiftId", equalTo(shift.toString()));
        early.as().get("/api/checkpoints/" + checkpoint + "/claims").then().spec(problem(403, "FORBIDDEN"));

        String roster = page(logIn(staff), "/console/roster");
        int row = roster.indexOf("data-shift=\"" + shift + "\"");
        assertTrue(row > 0, "the claimed shift is on the roster");
        String cells = roster.substring(row, roster.indexOf("</tr>", row));
        assertTrue(cells.contains("：已签到") && cells.contains("：已认领，未签到") && cells.contains("<td>2 / 2</td>"), cells);
    }

    @Test
    void theCarePageChartsRequestsByStatusAndOpensTheRegisterOnlyWhenAskedAndInScope() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        for (String what : List.of("降压药", "胰岛素", "轮椅")) {
            staff.as().body(Map.of("type", "MEDICINE", "description", what, "householdId", org.householdId()))
                    .post("/api/care-requests").then().statusCode(201);
        }
        String triaged = staff.as().body(Map.of("type", "ESSENTIALS", "description", "尿不湿", "householdId", org.householdId()))
                .post("/api/care-requests").then().statusCode(201).extract().path("id");
        staff.as().body(Map.of("priority", "P1")).post("/api/care-requests/" + triaged + "/triage").then().statusCode(200);
        staff.as().body(Map.of("householdId", org.householdId(), "name", "王秀英", "category", "ELDERLY_ALONE", "note", "行动不便"))
                .post("/api/vulnerable-persons").then().statusCode(201);

        staff.as().get("/api/care-requests/counts?communityId=" + org.communityId()).then().statusCode(200)
                .body("size()", equalTo(7)).body("find { it.status == 'SUBMITTED' }.count", equalTo(3))
                .body("find { it.status == 'TRIAGED' }.count", equalTo(1)).body("find { it.status == 'CANCELLED' }.count", equalTo(0));
        Api.resident().as().get("/api/care-requests/counts?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));

        String token = logIn(staff);
        String care = page(token, "/console/care");
        String chart = care.substring(care.indexOf("<svg", care.indexOf("care-chart")), care.indexOf("</svg>", care.indexOf("care-chart")));
        assertTrue(chart.contains("<title>待分级：3</title>") && chart.contains("<title>待指派：1</title>") && !chart.contains("style="), chart);
        assertTrue(care.contains("降压药") && care.contains("尿不湿") && care.contains("共 4 条"), "every request of the community");
        assertTrue(!care.contains("王秀英") && care.contains("id=\"show-register\""), "the register stays sealed until asked for");
        String submitted = page(token, "/console/care?status=SUBMITTED");
        assertTrue(submitted.contains("共 3 条") && !submitted.contains("尿不湿"), "filtered by status");
        given().cookie(ConsolePages.SESSION_COOKIE, token).get("/console/care?status=LOST").then().statusCode(400)
                .body(containsString("VALIDATION_FAILED"));
        String register = page(token, "/console/care?register=1");
        assertTrue(register.contains("王秀英") && register.contains("独居老人") && register.contains("行动不便"), "the register, opened");

        // A lane head of another community sees nothing of this one; one of its own grid sees its lane.
        OrgFixture elsewhere = OrgFixture.streetToHousehold(Api.districtAdmin());
        String stranger = logIn(Api.withRole(Role.GRID_WORKER, elsewhere.grid()));
        given().cookie(ConsolePages.SESSION_COOKIE, stranger).get("/console/care?community=" + org.communityId() + "&register=1")
                .then().statusCode(403);
        String own = page(stranger, "/console/care?register=1");
        assertTrue(!own.contains("王秀英") && !own.contains("降压药"), "nothing of another community");
        String lane = page(logIn(Api.withRole(Role.GRID_WORKER, org.grid())), "/console/care?register=1");
        assertTrue(lane.contains("王秀英") && lane.contains("降压药"), "the lane's own register and requests");
        assertEquals(-1, lane.indexOf("FORBIDDEN"));
    }
}
