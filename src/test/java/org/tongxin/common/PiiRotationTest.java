package org.tongxin.common;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OldSeals;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.WeChatStub;

/**
 * Personal data is sealed at rest; the re-sealing job walks every sealed column of the registry
 * (care requests included) and moves old values to the current key, bound to their place; a value
 * that cannot be opened never turns a read or a list into a 500.
 */
@QuarkusTest
class PiiRotationTest {

    /** An id no configuration of the test profile knows. */
    private static final int UNKNOWN_KEY = 9;
    private static final String SOME_KEY = "c29tZS1vdGhlci1rZXktbm8tc2VydmljZS1rbm93cyE=";

    @Inject
    PiiRotation rotation;

    @Inject
    PiiCipher pii;

    @ConfigProperty(name = "tongxin.pii.encryption-key")
    String testKey;

    @Test
    void aVolunteersNameAndNotesAreNeverStoredInTheClear() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User applicant = Api.resident();
        applicant.as().body(Map.of("name", "王秀英", "communityId", org.communityId(), "skills", List.of("MEDICAL"),
                "partyMember", true, "availability", "周末全天", "note", "护士，可做核酸采样"))
                .post("/api/volunteer-applications").then().statusCode(201).body("name", equalTo("王秀英"));
        assertEquals(0, Db.count("SELECT count(*) FROM volunteer WHERE user_id = ? AND (name IS NOT NULL OR note IS NOT NULL "
                + "OR availability IS NOT NULL OR position('王秀英' in encode(name_enc, 'escape')) > 0)", applicant.id()));
        applicant.as().get("/api/volunteers/me").then().statusCode(200);
    }

    @Test
    void oldRowsAreResealedUnderTheCurrentKeyAndStillRead() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        Api.User applicant = ShiftFixture.applicant(org);
        // A row as written before sealing: plain name and note, nothing sealed.
        Db.sql("UPDATE volunteer SET name = '李建国', note = '退伍军人', name_enc = NULL, note_enc = NULL WHERE user_id = ?",
                applicant.id());
        // A phone number sealed before key ids: IV || ciphertext under key 1.
        applicant.as().body(Map.of("code", "phone-ok")).post("/api/me/phone").then().statusCode(200);
        Db.sql("UPDATE app_user SET phone_enc = ? WHERE id = ?", OldSeals.beforeKeyIds(testKey, WeChatStub.PHONE), applicant.id());
        staff.as().get("/api/volunteer-applications?communityId=" + org.communityId()).then().statusCode(200)
                .body("items[0].name", equalTo("李建国"));

        assertTrue(rotation.resealAll() >= 2);
        assertEquals(0, rotation.resealAll(), "nothing is left under another key");
        assertEquals(0, Db.count("SELECT count(*) FROM volunteer WHERE name IS NOT NULL OR note IS NOT NULL"));
        assertEquals(1, Db.count("SELECT count(*) FROM app_user WHERE id = ? AND substring(phone_enc FROM 1 FOR 2) = ?",
                applicant.id(), pii.currentHeader()));
        staff.as().get("/api/volunteer-applications?communityId=" + org.communityId()).then().statusCode(200)
                .body("items[0].name", equalTo("李建国")).body("items[0].note", equalTo("退伍军人"))
                .body("items[0].unavailable", empty());
        applicant.as().get("/api/me").then().body("phone", equalTo("138****5678"));
    }

    @Test
    void careRequestsFollowAKeyRotationLikeEverySealedColumn() {
        Care care = new Care();
        String id = care.file("需要代购胰岛素");
        care.staff.as().body(Map.of("priority", "P2")).post("/api/care-requests/" + id + "/triage").then().statusCode(200);
        Db.sql("UPDATE care_request SET description_enc = ?, completion_note_enc = ? WHERE id = ?::uuid",
                OldSeals.beforeKeyIds(testKey, "需要代购胰岛素"), OldSeals.unbound(1, testKey, "已送达"), id);

        assertTrue(rotation.resealAll() >= 2);
        assertEquals(0, Db.count("SELECT count(*) FROM care_request WHERE id = ?::uuid AND (substring(description_enc FROM 1 FOR 2) <> ?"
                + " OR substring(completion_note_enc FROM 1 FOR 2) <> ?)", id, pii.currentHeader(), pii.currentHeader()));
        care.resident.as().get("/api/care-requests/" + id).then().statusCode(200)
                .body("description", equalTo("需要代购胰岛素")).body("completionNote", equalTo("已送达"))
                .body("unavailable", empty());
    }

    @Test
    void aRowWhoseKeyIsGoneLeavesTheListsAnsweringWithThatFieldUnavailable() {
        Care care = new Care();
        String lost = care.file("独居老人需要送药");
        String kept = care.file("需要蔬菜包");
        Db.sql("UPDATE care_request SET description_enc = ? WHERE id = ?::uuid",
                OldSeals.unbound(UNKNOWN_KEY, SOME_KEY, "独居老人需要送药"), lost);

        care.resident.as().get("/api/care-requests/" + lost).then().statusCode(200)
                .body("description", nullValue()).body("unavailable", contains("description"));
        care.resident.as().get("/api/care-requests/mine").then().statusCode(200)
                .body("items.find { it.id == '" + lost + "' }.unavailable", contains("description"))
                .body("items.find { it.id == '" + kept + "' }.description", equalTo("需要蔬菜包"));
        care.staff.as().get("/api/care-requests?communityId=" + care.org.communityId()).then().statusCode(200)
                .body("items.id", hasItem(lost)).body("items.find { it.id == '" + kept + "' }.unavailable", empty());
        rotation.resealAll(); // skips the value it cannot open, and ends
        assertEquals(1, Db.count("SELECT count(*) FROM care_request WHERE id = ?::uuid AND get_byte(description_enc, 1) = ?",
                lost, UNKNOWN_KEY));
    }

    @Test
    void aSealedValueCopiedIntoAnotherRowDoesNotOpenThere() {
        Care care = new Care();
        String secret = care.file("家中有人发热，需要上门采样");
        String other = care.file("需要米面包");
        Db.sql("UPDATE care_request SET description_enc = (SELECT description_enc FROM care_request WHERE id = ?::uuid) "
                + "WHERE id = ?::uuid", secret, other);
        care.resident.as().get("/api/care-requests/" + other).then().statusCode(200)
                .body("description", nullValue()).body("unavailable", contains("description"));
        care.resident.as().get("/api/care-requests/" + secret).then().statusCode(200)
                .body("description", equalTo("家中有人发热，需要上门采样"));
    }

    /** A resident of a fresh community filing requests, and the community's staff. */
    private static final class Care {
        final OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        final Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        final Api.User resident = OrderFixture.household(staff, org);

        String file(String description) {
            return resident.as().body(Map.of("type", "MEDICINE", "description", description))
                    .post("/api/care-requests").then().statusCode(201).extract().path("id");
        }
    }
}
