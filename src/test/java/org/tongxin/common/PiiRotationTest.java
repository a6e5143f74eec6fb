package org.tongxin.common;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.WeChatStub;

/** Volunteers' personal data is sealed at rest, and the re-sealing job moves old rows to the current key. */
@QuarkusTest
class PiiRotationTest {

    @Inject
    PiiRotation rotation;

    @Inject
    PiiCipher pii;

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
        byte[] sealed = pii.encrypt(WeChatStub.PHONE);
        Db.sql("UPDATE app_user SET phone_enc = ? WHERE id = ?", Arrays.copyOfRange(sealed, 2, sealed.length), applicant.id());
        staff.as().get("/api/volunteer-applications?communityId=" + org.communityId()).then().statusCode(200)
                .body("items[0].name", equalTo("李建国"));

        assertTrue(rotation.resealAll() >= 2);
        assertEquals(0, rotation.resealAll(), "nothing is left under another key");
        assertEquals(0, Db.count("SELECT count(*) FROM volunteer WHERE name IS NOT NULL OR note IS NOT NULL"));
        assertEquals(1, Db.count("SELECT count(*) FROM app_user WHERE id = ? AND substring(phone_enc FROM 1 FOR 2) = ?",
                applicant.id(), pii.currentHeader()));
        staff.as().get("/api/volunteer-applications?communityId=" + org.communityId()).then().statusCode(200)
                .body("items[0].name", equalTo("李建国")).body("items[0].note", equalTo("退伍军人"));
        applicant.as().get("/api/me").then().body("phone", equalTo("138****5678"));
    }
}
