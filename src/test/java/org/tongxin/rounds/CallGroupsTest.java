package org.tongxin.rounds;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tongxin.common.ApiException;
import org.tongxin.org.OrgDtos.HouseholdLabel;
import org.tongxin.rounds.RoundRepository.HouseholdPeople;

/** How a lane's households are cut into call groups: whole households, in walking order, never over the size. */
@Tag("fast")
class CallGroupsTest {

    private final UUID grid = UUID.randomUUID();
    private final List<HouseholdPeople> people = new ArrayList<>();
    private final Map<UUID, HouseholdLabel> labels = new HashMap<>();

    @Test
    void householdsStayWholeAndGroupsStayWithinTheSize() {
        household("10号楼", "101", 4);
        household("2号楼", "1001", 3);
        household("2号楼", "201", 5);
        household("2号楼", "101", 2);
        List<List<HouseholdPeople>> groups = RoundService.groups(people, grid, labels, 7);
        assertEquals(List.of(List.of("2号楼101", "2号楼201"), List.of("2号楼1001", "10号楼101")),
                groups.stream().map(g -> g.stream().map(h -> labels.get(h.householdId()).buildingName()
                        + labels.get(h.householdId()).room()).toList()).toList());
        assertTrue(groups.stream().allMatch(g -> g.stream().mapToInt(HouseholdPeople::people).sum() <= 7));
    }

    @Test
    void aHouseholdLargerThanAGroupIsRefused() {
        household("1号楼", "101", 8);
        ApiException e = assertThrows(ApiException.class, () -> RoundService.groups(people, grid, labels, 7));
        assertEquals(RoundsError.CALL_GROUP_TOO_SMALL, e.code());
    }

    @Test
    void roomsAndBuildingsCompareByTheirNumbers() {
        assertTrue(Rooms.ORDER.compare("2号楼", "10号楼") < 0);
        assertTrue(Rooms.ORDER.compare("101", "1001") < 0);
        assertTrue(Rooms.ORDER.compare("A2", "A10") < 0);
        assertEquals(0, Rooms.ORDER.compare("3单元", "03单元"));
    }

    private void household(String building, String room, int n) {
        UUID id = UUID.randomUUID();
        people.add(new HouseholdPeople(id, grid, n));
        labels.put(id, new HouseholdLabel(id, UUID.randomUUID(), building, room));
    }
}
