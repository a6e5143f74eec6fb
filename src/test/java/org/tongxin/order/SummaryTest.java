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
        UUID meat = OrderFixture.product(staff, org, "肉蔬包", 3);
        UUID rice = OrderFixture.product(staff, org, "米面包", 3);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(meat, 100, rice, 100));
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
                .body("byBuilding.size()", equalTo(2)).extract().jsonPath();
        Map<String, Integer> totals = new HashMap<>();
        json.getList("totals", Map.class).forEach(t -> totals.put((String) t.get("productName"), (Integer) t.get("quantity")));
        assertEquals(List.of(4, 6), totals.values().stream().sorted().toList(), "rice 4 × 1, meat 1+2+1+2; the cancelled order is out");

        String csv = staff.as().accept("text/csv").get("/api/ordering-windows/" + window + "/summary").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertEquals(8, records.size());
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
            purchase.stream().skip(1).forEach(r -> fromPurchase.put(r.getCellText(0), Integer.parseInt(r.getCellText(2))));
        }
        assertEquals(totals, fromSheet);
        assertEquals(totals, fromPurchase);

        Api.User supplier = Api.withRole(Role.SUPPLIER, org.community());
        supplier.as().get("/api/ordering-windows/" + window + "/summary").then().statusCode(200);
        supplier.as().body(Map.of("communityId", org.communityId(), "name", "x", "kind", "VEG", "priceFen", 1, "unit", "份",
                "perHouseholdLimit", 1)).post("/api/products").then().spec(problem(403, "FORBIDDEN"));
        OrgFixture other = OrgFixture.streetToHousehold(admin);
        Api.withRole(Role.SUPPLIER, other.community()).as().get("/api/ordering-windows/" + window + "/summary").then()
                .spec(problem(403, "FORBIDDEN"));
        Api.resident().as().get("/api/ordering-windows/" + window + "/summary").then().spec(problem(403, "FORBIDDEN"));
        staff.as().get("/api/ordering-windows/" + UUID.randomUUID() + "/summary").then().spec(problem(404, "WINDOW_NOT_FOUND"));
    }
}
