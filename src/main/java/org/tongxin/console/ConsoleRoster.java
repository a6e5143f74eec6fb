package org.tongxin.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.shift.CheckpointService;
import org.tongxin.shift.DateRange;
import org.tongxin.shift.ShiftDtos.CheckpointView;
import org.tongxin.shift.ShiftDtos.RosterClaim;
import org.tongxin.shift.ShiftDtos.ShiftView;
import org.tongxin.volunteer.VolunteerDtos.ApplicationView;
import org.tongxin.volunteer.VolunteerService;

/**
 * The volunteers-and-shifts page (docs/console.md): each checkpoint's shifts over the next 24 hours
 * (taken of capacity, who claimed them, who checked in), drawn as a chart too, and the community's
 * volunteers by team — from the
 * shift and volunteer features' services, for community staff.
 */
@ApplicationScoped
class ConsoleRoster {

    /** A checkpoint, its shifts that overlap the next 24 hours, and who holds them (with their check-ins). */
    @RegisterForReflection
    record CheckpointRow(CheckpointView checkpoint, List<ShiftView> shifts, List<RosterClaim> claims) {
        /** Who holds one of the shifts. */
        public List<RosterClaim> claimsOf(UUID shiftId) {
            return claims.stream().filter(c -> c.shiftId().equals(shiftId)).toList();
        }
    }

    /** Volunteers of one team ("" for those without). */
    @RegisterForReflection
    record Team(String name, List<ApplicationView> volunteers) {}

    @RegisterForReflection
    record Roster(List<CheckpointRow> checkpoints, String coverageChart, List<Team> teams, long volunteers) {}

    private final CheckpointService checkpoints;
    private final VolunteerService volunteers;
    private final Clock clock;

    ConsoleRoster(CheckpointService checkpoints, VolunteerService volunteers, Clock clock) {
        this.checkpoints = checkpoints;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    Roster roster(Caller caller, UUID communityId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        DateRange days = new DateRange(today, today.plusDays(1), clock.getZone());
        List<CheckpointRow> rows = checkpoints.list(caller, communityId).stream()
                .map(cp -> new CheckpointRow(cp, checkpoints.shifts(caller, cp.id(), days).stream()
                        .filter(s -> s.endsAt().isAfter(now) && s.startsAt().isBefore(now.plusHours(24))).toList(),
                        checkpoints.claims(caller, cp.id(), days)))
                .toList();
        var directory = volunteers.directory(caller, communityId, null, null, 0, 500);
        Map<String, List<ApplicationView>> byTeam = new LinkedHashMap<>();
        directory.items().stream().sorted(java.util.Comparator.comparing((ApplicationView v) -> v.team() == null ? "\uffff" : v.team()))
                .forEach(v -> byTeam.computeIfAbsent(v.team() == null ? "" : v.team(), k -> new java.util.ArrayList<>()).add(v));
        return new Roster(rows, ConsoleCharts.coverage(rows, now, clock.getZone()),
                byTeam.entrySet().stream().map(e -> new Team(e.getKey(), e.getValue())).toList(), directory.total());
    }
}
