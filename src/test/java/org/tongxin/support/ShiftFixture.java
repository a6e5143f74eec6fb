package org.tongxin.support;

import io.quarkus.arc.Arc;
import io.quarkus.redis.datasource.RedisDataSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tongxin.auth.Role;

/**
 * Volunteers, checkpoints and a day of shifts built through the API, plus the arrangement the API
 * cannot make: dropping the Redis gate's state (as a flush or a new Redis would). Tests that need "the
 * shift starts in 20 minutes" move the {@link TestClock} to it instead of moving the shift.
 */
public final class ShiftFixture {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ShiftFixture() {}

    /** A resident who applied to the community and was approved by its staff; token refreshed. */
    public static Api.User volunteer(OrgFixture org, Api.User staff) {
        Api.User applicant = applicant(org);
        String id = pendingId(applicant);
        staff.as().post("/api/volunteer-applications/" + id + "/approve").then().statusCode(200);
        return Api.refresh(applicant);
    }

    /** A resident with a pending application. */
    public static Api.User applicant(OrgFixture org) {
        Api.User u = Api.resident();
        u.as().body(Map.of("name", "志愿者" + Api.unique("v").substring(2), "communityId", org.communityId(),
                "skills", List.of("LOGISTICS"), "partyMember", true)).post("/api/volunteer-applications").then().statusCode(201);
        return u;
    }

    private static String pendingId(Api.User applicant) {
        return applicant.as().get("/api/volunteers/me").then().statusCode(200).extract().path("id");
    }

    public static Api.User staff(OrgFixture org) {
        return Api.withRole(Role.COMMUNITY_STAFF, org.community());
    }

    /** A checkpoint with the 0/8/16 pattern of 8-hour shifts and the given capacity. */
    public static UUID checkpoint(Api.User staff, OrgFixture org, int capacity) {
        return UUID.fromString(staff.as().body(Map.of("communityId", org.communityId(), "name", Api.unique("卡点"),
                "location", "南门", "shiftStartHours", List.of(0, 8, 16), "shiftLengthHours", 8, "capacity", capacity))
                .post("/api/checkpoints").then().statusCode(201).extract().path("id"));
    }

    /** Generates one day of shifts and answers their ids in start order (00:00, 08:00, 16:00). */
    public static List<UUID> day(Api.User staff, UUID checkpointId, LocalDate date) {
        staff.as().body(Map.of("from", date.toString(), "days", 1)).post("/api/checkpoints/" + checkpointId + "/shifts")
                .then().statusCode(201);
        List<String> ids = staff.as().get("/api/checkpoints/" + checkpointId + "/shifts?from=" + date + "&to=" + date)
                .then().statusCode(200).extract().jsonPath().getList("id");
        return ids.stream().map(UUID::fromString).toList();
    }

    public static LocalDate future() {
        return LocalDate.now(ZONE).plusDays(20);
    }

    /** When the shift of the 0/8/16 pattern starting at {@code hour} on {@code date} starts. */
    public static OffsetDateTime startOf(LocalDate date, int hour) {
        return date.atTime(hour, 0).atZone(ZONE).toOffsetDateTime();
    }

    /** Drops all of the claim gate's Redis state, as a flush or a fresh Redis would. */
    public static void dropGateState() {
        var keys = Arc.container().instance(RedisDataSource.class).get().key();
        List<String> all = new ArrayList<>(keys.keys("tongxin:shift:*"));
        all.addAll(keys.keys("tongxin:vuser:*"));
        if (!all.isEmpty()) {
            keys.del(all.toArray(String[]::new));
        }
    }

}
