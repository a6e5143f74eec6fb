package org.tongxin.privacy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.support.Problems.problem;

import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.WeChatStub;

/**
 * A person's own data (docs/privacy.md): the copy holds everything kept about them and their
 * household, opened for them and not audited; the erasure leaves nothing that names them, keeps
 * the district's rows anonymised, ends their tokens, is recorded once and can be repeated.
 */
@QuarkusTest
class PersonalDataTest {

    private static final String CODE = "https://hsjc.example.gov.cn/qr?v=2&id=3701021990CD34&sig=YmFyYmF6";
    private static final Map<String, String> ERASE = Map.of("confirm", "DELETE");

    /** A resident of a household of their own, with a bound phone, an order with a note, a request, a person, a consent. */
    private record Home(Api.User resident, String login, UUID household, String joinCode, String order, String request,
                        String person) {}

    private static Home home(Api.User staff, OrgFixture org) {
        String login = "ok-" + Api.unique("erasure");
        var body = Api.wxLogin(login).statusCode(200).extract().jsonPath();
        Api.User resident = new Api.User(UUID.fromString(body.getString("user.id")), body.getString("accessToken"),
                body.getString("refreshToken"), Api.randomAddress());
        String joinCode = staff.as().body(Map.of("room", Api.unique("室"))).post("/api/buildings/" + org.buildingId() + "/households")
                .then().statusCode(201).extract().path("joinCode");
        UUID household = UUID.fromString(resident.as().body(Map.of("joinCode", joinCode)).post("/api/me/household").then()
                .statusCode(200).extract().path("householdId"));
        resident.as().body(Map.of("code", "phone-ok")).post("/api/me/phone").then().statusCode(200);
        UUID rice = OrderFixture.product(staff, org, "大米", 5);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(rice, 10));
        String order = resident.as().header("Idempotency-Key", Api.unique("order"))
                .body(Map.of("windowId", window, "items", List.of(Map.of("productId", rice, "quantity", 1)), "note", "奶奶耳背，请敲门"))
                .post("/api/orders").then().statusCode(201).extract().path("id");
        String request = resident.as().body(Map.of("type", "MEDICINE", "description", "硝苯地平缓释片")).post("/api/care-requests")
                .then().statusCode(201).extract().path("id");
        String person = resident.as().body(Map.of("name", "周桂英")).post("/api/households/" + household + "/members")
                .then().statusCode(201).extract().path("id");
        resident.as().body(Map.of("code", CODE)).put("/api/household-members/" + person + "/testing-code").then().statusCode(204);
        resident.as().body(Map.of("templateId", "tpl-notice-test")).post("/api/me/subscriptions").then().statusCode(200);
        return new Home(resident, login, household, joinCode, order, request, person);
    }

    @Test
    void theCopyHoldsEverythingKeptAboutTheCallerOpenedForThemAndIsNotAudited() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = ShiftFixture.staff(org);
        Home home = home(staff, org);
        String entry = staff.as().body(Map.of("householdId", home.household(), "name", "周桂英", "category", "ELDERLY_ALONE",
                "note", "独居，行动不便")).post("/api/vulnerable-persons").then().statusCode(201).extract().path("id");
        long audited = Db.count("SELECT count(*) FROM audit_record WHERE actor_id = ?", home.resident().id());

        home.resident().as().get("/api/me/data").then().statusCode(200).header("Cache-Control", "no-store")
                .body("account.id", equalTo(home.resident().id().toString()))
                .body("account.phone", equalTo(WeChatStub.PHONE)).body("account.wechatLinked", equalTo(true))
                .body("account.householdId", equalTo(home.household().toString()))
                .body("household.building", equalTo("1号楼")).body("household.members", equalTo(1))
                .body("orders[0].id", equalTo(home.order())).body("orders[0].note", equalTo("奶奶耳背，请敲门"))
                .body("orders[0].pickupCode", not(nullValue()))
                .body("careRequests[0].id", equalTo(home.request())).body("careRequests[0].description", equalTo("硝苯地平缓释片"))
                .body("people[0].id", equalTo(home.person())).body("people[0].name", equalTo("周桂英"))
                .body("people[0].testingCode", equalTo(CODE))
                .body("register[0].id", equalTo(entry)).body("register[0].note", equalTo("独居，行动不便"))
                .body("subscriptions[0].templateId", equalTo("tpl-notice-test")).body("subscriptions[0].unused", equalTo(1))
                .body("volunteer.size()", equalTo(0)).body("shiftClaims.size()", equalTo(0))
                .body("lookingAfter.size()", equalTo(0)).body("carePackages.size()", equalTo(0))
                .body("generatedAt", not(nullValue()));
        assertEquals(audited, Db.count("SELECT count(*) FROM audit_record WHERE actor_id = ?", home.resident().id()),
                "a person reading their own data is not recorded");

        // The openid and unionid are kept but are login secrets: the copy says they are there, not what they are.
        String copy = home.resident().as().get("/api/me/data").then().statusCode(200).extract().asString();
        assertTrue(!copy.contains("o-" + home.login()), "openid in the copy");

        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        volunteer.as().get("/api/me/data").then().statusCode(200).body("household", nullValue())
                .body("volunteer[0].status", equalTo("APPROVED")).body("volunteer[0].partyMember", equalTo(true))
                .body("account.roles.role", hasItem("VOLUNTEER")).body("orders.size()", equalTo(0));
        RestAssured.given().get("/api/me/data").then().statusCode(401);
    }

    @Test
    void copiesAreLimitedPerPerson() {
        Api.User resident = Api.resident();
        for (int i = 0; i < 5; i++) {
            resident.as().get("/api/me/data").then().statusCode(200);
        }
        resident.as().get("/api/me/data").then().spec(problem(429, "RATE_LIMITED"));
    }

    @Test
    void erasureNeedsItsConfirmation() {
        Api.User resident = Api.resident();
        resident.as().delete("/api/me").then().spec(problem(400, "CONFIRMATION_REQUIRED"));
        resident.as().body(Map.of("confirm", "delete")).delete("/api/me").then().spec(problem(400, "CONFIRMATION_REQUIRED"));
        resident.as().body(Map.of("confirm", "DELETE", "also", 1)).delete("/api/me").then().statusCode(400);
        resident.as().get("/api/me").then().statusCode(200);
        RestAssured.given().contentType("application/json").body(ERASE).delete("/api/me").then().statusCode(401);
    }

    @Test
    void erasureLeavesNothingThatNamesThePersonKeepsTheDistrictsRowsAndEndsTheirTokens() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = ShiftFixture.staff(org);
        Home home = home(staff, org);
        Api.User other = Api.resident();
        other.as().body(Map.of("joinCode", home.joinCode())).post("/api/me/household").then().statusCode(200);
        String closed = home.resident().as().body(Map.of("type", "OTHER", "description", "请帮忙取快递")).post("/api/care-requests")
                .then().statusCode(201).extract().path("id");
        home.resident().as().post("/api/care-requests/" + closed + "/cancel").then().statusCode(200);
        home.resident().as().body(Map.of("name", "周建国", "communityId", org.communityId(), "skills", List.of("DRIVING"),
                "partyMember", true, "availability", "周末", "note", "有高血压")).post("/api/volunteer-applications")
                .then().statusCode(201);
        String application = home.resident().as().get("/api/volunteers/me").then().statusCode(200).extract().path("id");
        staff.as().post("/api/volunteer-applications/" + application + "/approve").then().statusCode(200);
        Api.User erased = Api.refresh(home.resident());
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 2), ShiftFixture.future()).get(0);
        erased.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);

        erased.as().body(ERASE).delete("/api/me").then().statusCode(204);

        UUID id = erased.id();
        assertEquals(1, Db.count("SELECT count(*) FROM app_user WHERE id = ? AND erased_at IS NOT NULL AND openid_hash IS NULL"
                + " AND openid_enc IS NULL AND phone_enc IS NULL AND phone_hash IS NULL AND phone_masked IS NULL"
                + " AND household_id IS NULL AND nickname = '已注销'", id));
        assertEquals(0, Db.count("SELECT count(*) FROM role_grant WHERE user_id = ?", id));
        assertEquals(1, Db.count("SELECT count(*) FROM volunteer WHERE user_id = ? AND status = 'REVOKED' AND NOT party_member"
                + " AND availability_enc IS NULL AND note_enc IS NULL AND name IS NULL AND note IS NULL", id));
        assertEquals(0, Db.count("SELECT count(*) FROM shift_claim WHERE user_id = ?", id), "the future claim is withdrawn");
        assertEquals(0, Db.count("SELECT taken FROM shift WHERE id = ?", shift), "and its slot freed");
        assertEquals(1, Db.count("SELECT count(*) FROM resident_order WHERE id = ? AND note IS NULL AND user_id = ?",
                UUID.fromString(home.order()), id), "the order stays, without its note");
        assertEquals(1, Db.count("SELECT count(*) FROM care_request WHERE id = ? AND description_enc IS NULL AND status = 'CANCELLED'",
                UUID.fromString(closed)), "a closed request loses its text");
        other.as().get("/api/care-requests/" + home.request()).then().statusCode(200)
                .body("description", equalTo("硝苯地平缓释片")).body("status", equalTo("SUBMITTED"));
        assertEquals(0, Db.count("SELECT count(*) FROM subscription_consent WHERE user_id = ?", id));
        assertEquals(1, Db.count("SELECT members FROM household WHERE id = ?", home.household()), "the other resident stays");
        other.as().get("/api/households/" + home.household() + "/members").then().statusCode(200)
                .body("id", hasItem(home.person()));
        admin.as().get("/api/audit?subjectId=" + id + "&kind=ACCOUNT").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].action", equalTo("ERASE")).body("items[0].actorId", equalTo(id.toString()));

        erased.as().get("/api/me").then().statusCode(401);
        erased.as().get("/api/me/data").then().statusCode(401);
        erased.as().body(ERASE).delete("/api/me").then().statusCode(204);
        RestAssured.given().contentType("application/json").header("X-Forwarded-For", erased.address())
                .body(Map.of("refreshToken", erased.refreshToken())).post("/api/auth/refresh").then().statusCode(401);
        admin.as().get("/api/audit?subjectId=" + id + "&kind=ACCOUNT").then().statusCode(200).body("total", equalTo(1));

        String again = Api.wxLogin(home.login()).statusCode(200).body("user.householdId", nullValue())
                .body("user.phone", nullValue()).extract().path("user.id");
        assertNotEquals(id.toString(), again, "a new login of an erased person is a new resident");
    }

    @Test
    void theLastResidentsOpenRequestIsCancelledAndParallelErasuresEraseOnce() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Home home = home(ShiftFixture.staff(org), org);

        List<Integer> answers = Parallel.times(4, i -> home.resident().as().body(ERASE).delete("/api/me").statusCode());

        assertEquals(List.of(204, 204, 204, 204), answers);
        assertEquals(1, Db.count("SELECT count(*) FROM care_request WHERE id = ? AND description_enc IS NULL AND status = 'CANCELLED'"
                + " AND cancelled_at IS NOT NULL", UUID.fromString(home.request())));
        assertEquals(0, Db.count("SELECT members FROM household WHERE id = ?", home.household()), "counted off once");
        admin.as().get("/api/audit?subjectId=" + home.resident().id() + "&kind=ACCOUNT").then().statusCode(200)
                .body("total", equalTo(1));
    }
}
