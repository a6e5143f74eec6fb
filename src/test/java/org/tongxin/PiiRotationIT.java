package org.tongxin;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.common.SealedColumn;
import org.tongxin.support.Api;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.PdfReadBack;
import org.tongxin.support.ProdConfig;
import org.tongxin.support.ServiceProcess;
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.WeChatStub;

/**
 * A whole PII key rotation, walked as the runbook in docs/operations.md tells an operator, on the
 * packaged service in the prod profile: data in every sealed column under key 1; restart with key 2
 * and key 1 retired; the re-sealing job moves every value of every registered column; restart with
 * key 1 removed; every read and list of sealed data still answers, in full, and a robot still posts.
 */
class PiiRotationIT {

    private static final String DATABASE = "tongxin_rotation";
    private static final int REDIS_DB = 12;
    private static final String KEY_1 = ProdConfig.key();
    private static final String KEY_2 = ProdConfig.key();
    private static final WeChatStub WECHAT = new WeChatStub();
    private static final String TESTING_CODE = "HS-ROTATION-" + UUID.randomUUID();
    private static Map<String, String> base;

    @BeforeAll
    static void surroundings() throws Exception {
        base = ProdConfig.of("rotation", DATABASE, REDIS_DB, WECHAT.start());
        base.put("tongxin.pii.reseal-every", "1s");
        base.put("tongxin.pii.reseal-delay", "1s");
    }

    @AfterAll
    static void stopStub() {
        WECHAT.stop();
        RestAssured.reset();
    }

    @Test
    void rotateResealRemoveTheOldKeyRestartAndEveryReadStillAnswers() throws Exception {
        District d;
        try (ServiceProcess first = start("rotation-1", Map.of("tongxin.pii.encryption-key", KEY_1, "tongxin.pii.key-id", "1",
                "tongxin.pii.reseal-every", "off"))) {
            d = new District();
        }
        assertEquals(0, valuesNotUnder(1), "every value is bound and under key 1 before the rotation");
        assertEquals(java.util.Arrays.stream(SealedColumn.values()).filter(SealedColumn::inDatabase).count(),
                columnsHoldingValues(), "the walk fills every registered column");

        try (ServiceProcess second = start("rotation-2", Map.of("tongxin.pii.encryption-key", KEY_2, "tongxin.pii.key-id", "2",
                "tongxin.pii.retired-keys", "1:" + KEY_1))) {
            d.readEverything(); // old values still open
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (valuesNotUnder(2) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertEquals(0, valuesNotUnder(2), "the re-sealing job left values under key 1");
        }

        try (ServiceProcess third = start("rotation-3", Map.of("tongxin.pii.encryption-key", KEY_2, "tongxin.pii.key-id", "2"))) {
            d.readEverything();
            d.robotStillPosts();
        }
    }

    /** One of each sealed value, made through the API as the district makes them. */
    private static final class District {
        final Api.User admin;
        final OrgFixture org;
        final Api.User staff;
        final Api.User resident;
        final Api.User volunteer;
        final String care;
        final String robotKey = "rot-" + UUID.randomUUID().toString().substring(0, 8);

        District() throws Exception {
            admin = ProdConfig.admin(base);
            org = OrgFixture.streetToHousehold(admin);
            staff = ProdConfig.invited(admin, "COMMUNITY_STAFF", org.communityId());
            resident = OrderFixture.household(staff, org);
            resident.as().body(Map.of("code", "phone-ok")).post("/api/me/phone").then().statusCode(200);
            Api.User applicant = Api.resident();
            applicant.as().body(Map.of("name", "王秀英", "communityId", org.communityId(), "skills", List.of("MEDICAL"),
                    "partyMember", true, "availability", "周末全天", "note", "护士")).post("/api/volunteer-applications")
                    .then().statusCode(201);
            volunteer = ShiftFixture.volunteer(org, staff);
            UUID household = UUID.fromString(resident.as().get("/api/me").then().statusCode(200).extract().path("householdId"));
            staff.as().body(Map.of("householdId", household, "name", "李奶奶", "category", "ELDERLY_ALONE", "note", "糖尿病"))
                    .post("/api/vulnerable-persons").then().statusCode(201);
            care = resident.as().body(Map.of("type", "MEDICINE", "description", "需要代购胰岛素"))
                    .post("/api/care-requests").then().statusCode(201).extract().path("id");
            String path = "/api/care-requests/" + care;
            staff.as().body(Map.of("priority", "P2")).post(path + "/triage").then().statusCode(200);
            staff.as().body(Map.of("assigneeId", volunteer.id())).post(path + "/assign").then().statusCode(200);
            volunteer.as().post(path + "/accept").then().statusCode(200);
            volunteer.as().body(Map.of("note", "已送到门口")).post(path + "/complete").then().statusCode(200);
            staff.as().body(Map.of("communityId", org.communityId(), "name", "1号楼群", "webhookKey", robotKey))
                    .post("/api/group-chats").then().statusCode(201);
            String member = resident.as().body(Map.of("name", "赵秀英")).post("/api/households/" + household + "/members")
                    .then().statusCode(201).extract().path("id");
            resident.as().body(Map.of("code", TESTING_CODE)).put("/api/household-members/" + member + "/testing-code")
                    .then().statusCode(204);
            this.household = household;
        }

        UUID household;

        void readEverything() {
            String path = "/api/care-requests/" + care;
            resident.as().get(path).then().statusCode(200).body("description", equalTo("需要代购胰岛素"))
                    .body("completionNote", equalTo("已送到门口"));
            resident.as().get("/api/care-requests/mine").then().statusCode(200).body("items[0].description", equalTo("需要代购胰岛素"));
            staff.as().get("/api/care-requests?communityId=" + org.communityId()).then().statusCode(200)
                    .body("items[0].description", equalTo("需要代购胰岛素")).body("items[0].unavailable.size()", equalTo(0));
            staff.as().get("/api/vulnerable-persons?communityId=" + org.communityId()).then().statusCode(200)
                    .body("items[0].name", equalTo("李奶奶")).body("items[0].note", equalTo("糖尿病"));
            staff.as().get("/api/volunteer-applications?communityId=" + org.communityId()).then().statusCode(200)
                    .body("items.name", hasItem("王秀英")).body("items.availability", hasItem("周末全天"));
            resident.as().get("/api/me").then().statusCode(200).body("phone", equalTo("138****5678"));
            staff.as().get("/api/group-chats?communityId=" + org.communityId()).then().statusCode(200)
                    .body("items[0].name", equalTo("1号楼群"));
            resident.as().get("/api/households/" + household + "/members").then().statusCode(200)
                    .body("[0].nameMasked", equalTo("赵*英")).body("[0].hasTestingCode", equalTo(true));
            byte[] sheet = resident.as().get("/api/households/" + household + "/sheet.pdf").then().statusCode(200).extract().asByteArray();
            try {
                Path pdf = Files.createTempFile("rotation", ".pdf");
                Files.write(pdf, sheet);
                assertEquals(true, PdfReadBack.qrCodes(pdf, 1, 300).contains(TESTING_CODE), "the testing code opens and prints");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void robotStillPosts() throws InterruptedException {
            String notice = staff.as().body(Map.of("title", "轮换后通知", "body", "正文",
                            "scope", Map.of("type", "COMMUNITY", "id", org.communityId()), "channels", List.of("GROUP_CHAT")))
                    .post("/api/notices").then().statusCode(201).extract().path("id");
            staff.as().post("/api/notices/" + notice + "/publish").then().statusCode(202);
            var posted = postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")).withQueryParam("key", WireMock.equalTo(robotKey));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (WeChatStub.server().findAll(posted).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertEquals(1, WeChatStub.server().findAll(posted).size(), "the robot's key, re-sealed, still opens and posts");
        }
    }

    private static ServiceProcess start(String name, Map<String, String> keys) throws Exception {
        Map<String, String> config = new HashMap<>(base);
        config.putAll(keys);
        ServiceProcess service = ServiceProcess.start(name, config);
        RestAssured.port = service.port();
        return service;
    }

    /** Registered columns with at least one value. */
    private static long columnsHoldingValues() throws Exception {
        return sum("least(count(*), 1)", "");
    }

    /** Sealed values in every registered column not bound and sealed under {@code keyId}. */
    private static long valuesNotUnder(int keyId) throws Exception {
        return sum("count(*)", " AND substring(%s FROM 1 FOR 2) <> '\\x02" + String.format("%02x", keyId) + "'::bytea");
    }

    private static long sum(String what, String condition) throws Exception {
        long total = 0;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
             Statement s = c.createStatement()) {
            for (SealedColumn column : SealedColumn.values()) {
                if (!column.inDatabase()) {
                    continue;
                }
                try (ResultSet rs = s.executeQuery("SELECT " + what + " FROM " + column.table() + " WHERE " + column.column()
                        + " IS NOT NULL" + String.format(condition, column.column()))) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
        }
        return total;
    }
}
