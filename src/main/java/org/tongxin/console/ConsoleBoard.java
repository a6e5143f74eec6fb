package org.tongxin.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.care.CareDtos.CareRequestView;
import org.tongxin.care.CareDtos.Assign;
import org.tongxin.care.CareDtos.Triage;
import org.tongxin.care.CareRequest;
import org.tongxin.care.CareRequestService;
import org.tongxin.shift.CheckpointService;
import org.tongxin.shift.DateRange;
import org.tongxin.shift.ShiftDtos.CoverageGap;
import org.tongxin.shift.ShiftDtos.NoShow;
import org.tongxin.auth.Caller;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.Page;
import org.tongxin.volunteer.Volunteer;
import org.tongxin.volunteer.VolunteerDtos.ApplicationView;
import org.tongxin.volunteer.VolunteerDtos.ApprovedPerson;
import org.tongxin.volunteer.VolunteerDtos.Approve;
import org.tongxin.volunteer.VolunteerDtos.Reject;
import org.tongxin.volunteer.VolunteerService;

/**
 * What the board ("today") shows a staff member, put together from the features' own services with
 * the session's caller: those services check the scope, as they do for the API.
 */
@ApplicationScoped
class ConsoleBoard {

    /**
     * The board of one community: checkpoint shifts short of people in the next 24 hours and today's
     * no-shows (null for grid workers, who do not run the roster), care requests waiting to be
     * triaged and to be assigned (escalated first) with the approved volunteers to assign them to,
     * and volunteer applications waiting for a decision (helpers and applications null for grid workers).
     */
    @RegisterForReflection
    record Board(List<CoverageGap> gaps, List<NoShow> noShows, Page<CareRequestView> toTriage, Page<CareRequestView> toAssign,
                 List<ApprovedPerson> helpers, Page<ApplicationView> applications) {}

    private final VolunteerService volunteers;
    private final CheckpointService checkpoints;
    private final CareRequestService care;
    private final Clock clock;

    ConsoleBoard(VolunteerService volunteers, CheckpointService checkpoints, CareRequestService care, Clock clock) {
        this.volunteers = volunteers;
        this.checkpoints = checkpoints;
        this.care = care;
        this.clock = clock;
    }

    Board board(Caller caller, UUID communityId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        List<CoverageGap> gaps = staffOnly(() -> checkpoints.coverage(caller, communityId, new DateRange(today, today.plusDays(1),
                clock.getZone())).stream().filter(g -> g.endsAt().isAfter(now) && g.startsAt().isBefore(now.plusHours(24))).toList());
        List<NoShow> noShows = staffOnly(() -> checkpoints.noShows(caller, communityId, new DateRange(today, today, clock.getZone())));
        return new Board(gaps, noShows,
                care.ofCommunity(caller, communityId, CareRequest.Status.SUBMITTED, null, null, null, 0, 50),
                care.ofCommunity(caller, communityId, CareRequest.Status.TRIAGED, null, null, null, 0, 50),
                staffOnly(() -> volunteers.approvedPeople(caller, communityId)),
                staffOnly(() -> volunteers.applications(caller, communityId, Volunteer.Status.PENDING, 0, 50)));
    }

    /** The form's priority; anything else is 400 VALIDATION_FAILED. */
    static CareRequest.Priority priority(String value) {
        try {
            return CareRequest.Priority.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("priority", "请选择优先级", "Choose a priority");
        }
    }

    void assign(Caller caller, UUID requestId, UUID assignee) {
        if (assignee == null) {
            throw ApiException.invalid("assigneeId", "请选择指派给谁", "Choose who carries it out");
        }
        care.assign(caller, requestId, new Assign(assignee));
    }

    void triage(Caller caller, UUID requestId, CareRequest.Priority priority) {
        care.triage(caller, requestId, new Triage(priority));
    }

    void approveVolunteer(Caller caller, UUID id, String team) {
        volunteers.approve(caller, id, new Approve(team));
    }

    void rejectVolunteer(Caller caller, UUID id, String reason) {
        volunteers.reject(caller, id, new Reject(reason));
    }

    /** A section of the board that only community staff (and above) may see: null for the others. */
    private static <T> T staffOnly(java.util.function.Supplier<T> section) {
        try {
            return section.get();
        } catch (ApiException e) {
            if (e.code() == CommonError.FORBIDDEN) {
                return null;
            }
            throw e;
        }
    }
}
