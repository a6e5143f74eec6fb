package org.tongxin.privacy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.support.Problems.problem;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.ShiftFixture;

/**
 * Stand-downs (docs/privacy.md): declared by district admins; the dry run counts what the purge
 * will erase; the purge erases the street's personal data and nothing of another street's, in
 * batches that resume after a failure without counting a row twice; a dump of the database holds
 * none of it afterwards; the statistics still answer; orders elsewhere go on during the purge.
 */
@QuarkusTest
class StandDownTest {

    private static final String[] SEALED = {"app_user.phone_enc", "household_member.name_enc", "household_member.testing_code_enc",
        "volunteer.name_enc", "volunteer.note_enc", "vulnerable_person.name_enc", "vulnerable_person.note_enc",
        "care_request.description_enc", "care_request.completion_note_enc", "group_chat.webhook_key_enc"};

    @Test
    void onlyDistrictAdminsDeclareAndTheScopeMustBeWhole() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        ShiftFixture.staff(org).as().body(Map.of("scope", Map.of("type", "STREET", "id", org.streetId())))
                .post("/api/stand-downs").then().spec(problem(403, "FORBIDDEN"));
        admin.as().body(Map.of("scope", Map.of("type", "STREET"))).post("/api/stand-downs").then()
                .spec(problem(400, "STAND_DOWN_SCOPE_INVALID"));
        admin.as().body(Map.of("scope", Map.of("type", "DISTRICT", "id", org.streetId()))).post("/api/stand-downs").then()
                .spec(problem(400, "STAND_DOWN_SCOPE_INVALID"));
        admin.as().body(Map.of("scope", Map.of("type", "STREET", "id", UUID.randomUUID()))).post("/api/stand-downs").then()
                .spec(problem(404, "STREET_NOT_FOUND"));
        admin.as().body(Map.of("scope", Map.of("type", "STREET", "id", org.streetId()), "retainDays", -1))
                .post("/api/stand-downs").then().spec(problem(400, "VALIDATION_FAILED"));
        admin.as().get("/api/stand-downs/" + UUID.randomUUID()).then().spec(problem(404, "STAND_DOWN_NOT_FOUND"));

        var district = admin.as().body(Map.of("scope", Map.of("type", "DISTRICT"))).post("/api/stand-downs").then()
                .statusCode(201).body("status", equalTo("SCHEDULED")).body("retainDays", equalTo(30))
                .body("scope.id", nullValue()).extract().jsonPath();
        String id = district.getString("id");
        assertEquals(Duration.ofDays(30), Duration.between(OffsetDateTime.parse(district.getString("declaredAt")),
                OffsetDateTime.parse(district.getString("purgeAt"))));
        admin.as().get("/api/stand-downs").then().statusCode(200).body("items.id", hasItem(id));
        admin.as().post("/api/stand-downs/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        admin.as().post("/api/stand-downs/" + id + "/cancel").then().spec(problem(409, "STAND_DOWN_STARTED"));
        admin.as().get("/api/stand-downs/" + id).then().statusCode(200).body("dryRun", nullValue());
    }

    @Test
    void thePurgeErasesTheStreetsPersonalDataAndNothingElseAndADumpHoldsNoneOfIt() throws IOException {
        Api.User admin = Api.districtAdmin();
        Street purged = new Street(admin, "purged");
        Street kept = new Street(admin, "kept");
        String standDown = admin.as().body(Map.of("scope", Map.of("type", "STREET", "id", purged.org.streetId()), "retainDays", 0))
                .post("/api/stand-downs").then().statusCode(201).extract().path("id");
        var dryRun = admin.as().get("/api/stand-downs/" + standDown).then().statusCode(200)
                .body("dryRun.eraseTotals.RESIDENTS", equalTo(1)).body("dryRun.eraseTotals.ORDER_NOTES", equalTo(1))
                .body("dryRun.eraseTotals.REGISTER", equalTo(1)).body("dryRun.eraseTotals.CARE_TEXTS", equalTo(1))
                .body("dryRun.eraseTotals.PEOPLE", equalTo(1)).body("dryRun.eraseTotals.VOLUNTEERS", equalTo(1))
                .body("dryRun.eraseTotals.GROUP_CHATS", equalTo(1)).body("dryRun.eraseTotals.CARETAKERS", equalTo(1))
                .body("dryRun.erase.communityId", hasItem(purged.org.communityId().toString()))
                .body("dryRun.keep.what", hasItem("ORDERS")).body("dryRun.keep.what", hasItem("CARE_REQUESTS"))
                .extract().jsonPath().<String, Object>getMap("dryRun.eraseTotals");
        Set<String> sealedOfPurged = sealedValues(purged.org.streetId());
        Set<String> sealedOfKept = sealedValues(kept.org.streetId());

        purge();

        admin.as().get("/api/stand-downs/" + standDown).then().statusCode(200).body("status", equalTo("DONE"))
                .body("dryRun", nullValue()).body("purged", equalTo((Object) withoutZeros(dryRun)));
        assertEquals(withoutZeros(dryRun).values().stream().mapToLong(v -> ((Number) v).longValue()).sum(),
                Db.count("SELECT sum(row_count) FROM audit_record WHERE action = 'PURGE' AND subject_scope = ? AND actor_id IS NULL",
                        UUID.fromString(standDown)), "the purge's audit records count every row it erased");
        Dump dump = Dump.of(databaseName());
        assertEquals(Set.of(), dump.holding(sealedOfPurged), "sealed values of the purged street left in the dump");
        assertEquals(Set.of(), dump.holding(purged.plain()), "plain personal data of the purged street left in the dump");
        assertEquals(sealedOfKept, dump.holding(sealedOfKept), "the other street's sealed values are all still there");
        assertEquals(kept.plain(), dump.holding(kept.plain()), "the other street's plain values are all still there");

        purged.staff.as().get("/api/care-requests/counts?communityId=" + purged.org.communityId()).then().statusCode(200)
                .body("find { it.status == 'SUBMITTED' }.count", equalTo(1));
        purged.staff.as().get("/api/ordering-windows/" + purged.window + "/summary").then().statusCode(200);
        purged.staff.as().get("/api/care-requests/" + purged.request).then().statusCode(200).body("description", nullValue())
                .body("type", equalTo("MEDICINE"));
        purged.resident.as().get("/api/me").then().statusCode(200).body("householdId", nullValue()).body("phone", nullValue());
        purged.staff.as().get("/api/group-chats?communityId=" + purged.org.communityId()).then().statusCode(200)
                .body("items[0].keyHint", nullValue()).body("items[0].closedAt", org.hamcrest.Matchers.notNullValue());
        kept.resident.as().get("/api/me").then().statusCode(200).body("householdId", equalTo(kept.household.toString()));

        long records = Db.count("SELECT count(*) FROM audit_record WHERE subject_scope = ?", UUID.fromString(standDown));
        purge(); // a purge done is not run again
        assertEquals(records, Db.count("SELECT count(*) FROM audit_record WHERE subject_scope = ?", UUID.fromString(standDown)));
    }

    @Test
    void aPurgeThatFailsMidwayGoesOnWhereItStoppedAndCountsEachRowOnce() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = ShiftFixture.staff(org);
        for (int i = 0; i < 23; i++) {
            OrderFixture.household(staff, org).as().body(Map.of("code", "phone-ok")).post("/api/me/phone").then().statusCode(200);
        }
        String standDown = admin.as().body(Map.of("scope", Map.of("type", "STREET", "id", org.streetId()), "retainDays", 0))
                .post("/api/stand-downs").then().statusCode(201).extract().path("id");
        // The third batch's audit record fails: its transaction rolls back whole, as if the service died there.
        Db.sql("""
                CREATE FUNCTION test_purge_dies() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.subject_scope = '%s' AND (SELECT count(*) FROM audit_record WHERE subject_scope = NEW.subject_scope) >= 2 THEN
                        RAISE EXCEPTION 'the purge dies here';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(standDown));
        Db.sql("CREATE TRIGGER test_purge_dies BEFORE INSERT ON audit_record FOR EACH ROW EXECUTE FUNCTION test_purge_dies()");
        try {
            assertThrows(RuntimeException.class, this::purge);
        } finally {
            Db.sql("DROP TRIGGER test_purge_dies ON audit_record");
            Db.sql("DROP FUNCTION test_purge_dies()");
        }
        admin.as().get("/api/stand-downs/" + standDown).then().statusCode(200).body("status", equalTo("PURGING"))
                .body("purged.RESIDENTS", equalTo(10)).body("dryRun.eraseTotals.RESIDENTS", equalTo(13));
        assertEquals(13, Db.count("SELECT count(*) FROM app_user u JOIN household h ON h.id = u.household_id"
                + " JOIN building b ON b.id = h.building_id WHERE b.id = ?", org.buildingId()), "the failed batch erased nothing");

        purge();

        admin.as().get("/api/stand-downs/" + standDown).then().statusCode(200).body("status", equalTo("DONE"))
                .body("purged.RESIDENTS", equalTo(23));
        assertEquals(0, Db.count("SELECT count(*) FROM app_user u JOIN household h ON h.id = u.household_id"
                + " JOIN building b ON b.id = h.building_id WHERE b.id = ?", org.buildingId()));
        assertEquals(23, Db.count("SELECT coalesce(sum(row_count), 0) FROM audit_record WHERE subject_scope = ? AND kind = 'HOUSEHOLD_LINK'",
                UUID.fromString(standDown)), "the audit counts each row once");
    }

    @Test
    void ordersInAnotherStreetGoOnWhileAStreetIsPurged() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture big = OrgFixture.streetToHousehold(admin);
        Db.sql("""
                INSERT INTO household (id, building_id, room, join_code, members)
                SELECT gen_random_uuid(), ?, 'P' || i, substr(md5(random()::text), 1, 16), 1 FROM generate_series(1, 1500) i""",
                big.buildingId());
        Db.sql("""
                INSERT INTO app_user (id, openid_hash, openid_enc, nickname, phone_enc, phone_hash, phone_masked, household_id)
                SELECT gen_random_uuid(), decode(md5(random()::text), 'hex'), decode(md5(random()::text), 'hex'), 'seeded',
                       decode(md5(random()::text), 'hex'), decode(md5(random()::text), 'hex'), '138****0000', h.id
                FROM household h WHERE h.building_id = ? AND h.room LIKE 'P%'""", big.buildingId());
        OrgFixture other = OrgFixture.streetToHousehold(admin);
        Api.User staff = ShiftFixture.staff(other);
        UUID rice = OrderFixture.product(staff, other, "大米", 1000);
        UUID window = OrderFixture.openWindow(staff, other, Map.of(rice, 100_000));
        List<Api.User> buyers = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            buyers.add(OrderFixture.household(staff, other));
        }
        String standDown = admin.as().body(Map.of("scope", Map.of("type", "STREET", "id", big.streetId()), "retainDays", 0))
                .post("/api/stand-downs").then().statusCode(201).extract().path("id");

        var purging = java.util.concurrent.CompletableFuture.supplyAsync(this::purge);
        int during = 0;
        int placed = 0;
        while (!purging.isDone()) {
            String before = admin.as().get("/api/stand-downs/" + standDown).then().statusCode(200).extract().path("status");
            buyers.get(placed % buyers.size()).as().header("Idempotency-Key", Api.unique("during"))
                    .body(OrderFixture.order(window, rice, 1)).post("/api/orders").then().statusCode(201);
            placed++;
            String after = admin.as().get("/api/stand-downs/" + standDown).then().statusCode(200).extract().path("status");
            if ("PURGING".equals(before) && "PURGING".equals(after)) {
                during++;
            }
        }
        purging.get();

        assertTrue(during > 0, "no order was placed while the purge ran (" + placed + " placed)");
        admin.as().get("/api/stand-downs/" + standDown).then().statusCode(200).body("status", equalTo("DONE"))
                .body("purged.RESIDENTS", equalTo(1500));
    }

    private int purge() {
        return Arc.container().instance(StandDownPurge.class).get().runDue();
    }

    private static Map<String, Object> withoutZeros(Map<String, Object> totals) {
        Map<String, Object> out = new java.util.TreeMap<>();
        totals.forEach((k, v) -> {
            if (((Number) v).longValue() > 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The hex of every sealed value kept for the street, as pg_dump writes bytea. */
    private static Set<String> sealedValues(UUID street) {
        Set<String> out = new HashSet<>();
        for (String place : SEALED) {
            String table = place.substring(0, place.indexOf('.'));
            String column = place.substring(place.indexOf('.') + 1);
            String where = switch (table) {
                case "app_user" -> "household_id IN (SELECT h.id FROM household h JOIN building b ON b.id = h.building_id"
                        + " JOIN grid g ON g.id = b.grid_id JOIN community c ON c.id = g.community_id WHERE c.street_id = ?)";
                case "volunteer" -> "community_id IN (SELECT id FROM community WHERE street_id = ?)";
                default -> "street_id = ?";
            };
            Db.strings("SELECT encode(" + column + ", 'hex') FROM " + table + " WHERE " + column + " IS NOT NULL AND " + where, street)
                    .forEach(out::add);
        }
        assertTrue(out.size() >= 8, "the street holds sealed values of every kind: " + out.size());
        return out;
    }

    private static String databaseName() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String db = url.substring(url.lastIndexOf('/') + 1);
        return db.contains("?") ? db.substring(0, db.indexOf('?')) : db;
    }

    /** A plain-text dump of the whole test database (pg_dump), searched line by line. */
    private record Dump(Path file) {
        static Dump of(String database) throws IOException {
            Path file = Path.of("target/stand-down-dump.sql");
            try {
                Process p = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "--data-only", "-f", file.toString(), database)
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                assertEquals(0, p.waitFor(), out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return new Dump(file);
        }

        /** Which of the needles occur in the dump. */
        Set<String> holding(Set<String> needles) throws IOException {
            Set<String> found = new HashSet<>();
            try (BufferedReader in = Files.newBufferedReader(file)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    for (String n : needles) {
                        if (line.contains(n)) {
                            found.add(n);
                        }
                    }
                }
            }
            return found;
        }
    }

    /** A street with one of each kind of personal data, each plain value unique to it. */
    private static final class Street {
        final OrgFixture org;
        final Api.User staff;
        final Api.User resident;
        final UUID household;
        final UUID window;
        final String request;
        final String tag = UUID.randomUUID().toString().substring(0, 8);

        Street(Api.User admin, String name) {
            org = OrgFixture.streetToHousehold(admin);
            staff = ShiftFixture.staff(org);
            resident = OrderFixture.household(staff, org);
            resident.as().body(Map.of("code", "phone-ok")).post("/api/me/phone").then().statusCode(200);
            household = UUID.fromString(resident.as().get("/api/me").then().statusCode(200).extract().path("householdId"));
            UUID rice = OrderFixture.product(staff, org, "大米", 5);
            window = OrderFixture.openWindow(staff, org, Map.of(rice, 10));
            resident.as().header("Idempotency-Key", Api.unique("order"))
                    .body(Map.of("windowId", window, "items", List.of(Map.of("productId", rice, "quantity", 1)), "note", "note-" + tag))
                    .post("/api/orders").then().statusCode(201);
            request = resident.as().body(Map.of("type", "MEDICINE", "description", "药-" + tag)).post("/api/care-requests")
                    .then().statusCode(201).extract().path("id");
            String person = resident.as().body(Map.of("name", "周" + tag)).post("/api/households/" + household + "/members")
                    .then().statusCode(201).extract().path("id");
            resident.as().body(Map.of("code", "QR-" + tag)).put("/api/household-members/" + person + "/testing-code")
                    .then().statusCode(204);
            staff.as().body(Map.of("householdId", household, "name", "赵" + tag, "category", "ELDERLY_ALONE", "note", "独居-" + tag))
                    .post("/api/vulnerable-persons").then().statusCode(201);
            Api.User volunteer = ShiftFixture.volunteer(org, staff);
            String volunteerId = volunteer.as().get("/api/volunteers/me").then().statusCode(200).extract().path("id");
            staff.as().body(Map.of("volunteerId", volunteerId)).put("/api/households/" + household + "/caretaker").then().statusCode(200);
            staff.as().body(Map.of("communityId", org.communityId(), "name", "群-" + name, "webhookKey", "key-" + tag))
                    .post("/api/group-chats").then().statusCode(201);
        }

        /** Plain values the street's residents and staff typed that are kept in the clear (order notes). */
        Set<String> plain() {
            return Set.of("note-" + tag);
        }
    }
}
