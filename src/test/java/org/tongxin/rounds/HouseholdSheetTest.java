package org.tongxin.rounds;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.PdfReadBack;
import org.tongxin.support.ShiftFixture;

/** docs/testing-rounds.md: household sheets printed as PDF and read back by a QR decoder. */
@QuarkusTest
class HouseholdSheetTest {

    private static final String LONG = "https://hsjc.sd.gov.cn/qrcode?cid=370102199003071234&n=%E7%8E%8B&t=1670000000&sig="
            + "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG9mcmVkcGx1Z3h5enp5";

    @Test
    void aHouseholdsPageCarriesEveryCodeAsAQrThatScansBack() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User resident = Api.resident();
        resident.as().body(Map.of("joinCode", org.joinCode())).post("/api/me/household").then().statusCode(200);
        String a = member(resident, org.householdId(), "王秀英");
        String b = member(resident, org.householdId(), "王明");
        member(resident, org.householdId(), "王小小");
        resident.as().body(Map.of("code", LONG)).put("/api/household-members/" + a + "/testing-code").then().statusCode(204);
        resident.as().body(Map.of("code", "HS-3701-0000-8888")).put("/api/household-members/" + b + "/testing-code")
                .then().statusCode(204);

        Path pdf = download(resident, "/api/households/" + org.householdId() + "/sheet.pdf");
        assertEquals(1, PdfReadBack.pages(pdf));
        assertEquals(Set.of(LONG, "HS-3701-0000-8888", "tongxin-household:" + org.householdId()),
                Set.copyOf(PdfReadBack.qrCodes(pdf, 1, 300)));
        String text = PdfReadBack.text(pdf, 1).replaceAll("\\s+", "");
        assertTrue(text.contains("1.王*英") && text.contains("2.王*") && text.contains("3.王*小") && text.contains("未登记核酸码"), text);
        assertTrue(text.contains("1号楼101") && text.contains("第1页/共1页"), text);
        assertFalse(text.contains("秀"), "names are masked on paper too");
    }

    @Test
    void aLanesStackHasOnePagePerHouseholdInRoomOrderAndOnlyItsPeopleMayPrintIt() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        for (String room : List.of("1001", "201")) {
            String h = staff.as().body(Map.of("room", room)).post("/api/buildings/" + org.buildingId() + "/households").then()
                    .statusCode(201).extract().path("id");
            String m = member(staff, UUID.fromString(h), "李" + room);
            staff.as().body(Map.of("code", "CODE-" + room)).put("/api/household-members/" + m + "/testing-code").then().statusCode(204);
        }
        Api.User laneHead = Api.withRole(Role.GRID_WORKER, org.grid());
        Path pdf = download(laneHead, "/api/grids/" + org.gridId() + "/sheets.pdf");
        assertEquals(3, PdfReadBack.pages(pdf));
        String first = PdfReadBack.text(pdf, 1).replaceAll("\\s+", "");
        String second = PdfReadBack.text(pdf, 2).replaceAll("\\s+", "");
        assertTrue(first.contains("1号楼101") && first.contains("本户尚未登记待检人员"), first);
        assertTrue(second.contains("1号楼201") && second.contains("第2页/共3页"), second);
        assertTrue(PdfReadBack.qrCodes(pdf, 3, 300).contains("CODE-1001"));
        assertEquals(3, PdfReadBack.pages(download(staff, "/api/buildings/" + org.buildingId() + "/sheets.pdf")));

        Api.User stranger = Api.resident();
        stranger.as().get("/api/grids/" + org.gridId() + "/sheets.pdf").then().spec(problem(403, "FORBIDDEN"));
        stranger.as().get("/api/households/" + org.householdId() + "/sheet.pdf").then().spec(problem(403, "FORBIDDEN"));
        Api.withRole(Role.GRID_WORKER, OrgFixture.streetToHousehold(Api.districtAdmin()).grid()).as()
                .get("/api/buildings/" + org.buildingId() + "/sheets.pdf").then().spec(problem(403, "FORBIDDEN"));
        laneHead.as().get("/api/grids/" + UUID.randomUUID() + "/sheets.pdf").then().spec(problem(404, "GRID_NOT_FOUND"));
    }

    private static String member(Api.User who, UUID household, String name) {
        return who.as().body(Map.of("name", name)).post("/api/households/" + household + "/members").then().statusCode(201)
                .extract().path("id");
    }

    private static Path download(Api.User who, String path) throws Exception {
        byte[] body = who.as().accept("application/pdf").get(path).then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", startsWith("attachment; filename=")).extract().asByteArray();
        Path file = Files.createTempFile("sheet", ".pdf");
        Files.write(file, body);
        return file;
    }
}
