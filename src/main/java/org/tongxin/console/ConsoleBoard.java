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
import org.tongxin.care.CareDtos.Assignee;
import org.tongxin.order.Batch;
import org.tongxin.order.BatchService;
import org.tongxin.order.CatalogService;
import org.tongxin.order.OrderDtos.BatchView;
import org.tongxin.order.OrderDtos.Catalog;
import org.tongxin.order.OrderDtos.CreateBatch;
import org.tongxin.order.OrderDtos.HourCount;
import org.tongxin.order.OrderDtos.ProductTotal;
import org.tongxin.order.OrderDtos.WindowSummary;
import org.tongxin.order.OrderDtos.WindowView;
import org.tongxin.order.WindowSummaryService;
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
     * no-shows, care requests waiting to be triaged and to be assigned (escalated first) with the
     * people to assign them to, volunteer applications waiting for a decision, the delivery batches
     * on their way through the three zones, and the open ordering window's summary. Sections a grid
     * worker may not see (the roster, applications, batches, the window) are null for them.
     */
    @RegisterForReflection
    record Board(List<CoverageGap> gaps, List<NoShow> noShows, Page<CareRequestView> toTriage, Page<CareRequestView> toAssign,
                 List<Assignee> helpers, Page<ApplicationView> applications, List<BatchRow> batches, OpenWindow open) {}

    /**
     * A batch with its next step (null once released) and, while it rests after disinfection, the
     * seconds of rest left at the time of the page (the page counts them down; the service refuses an
     * early release whatever the page shows).
     */
    @RegisterForReflection
    record BatchRow(BatchView batch, Batch.Status next, long restLeftSeconds) {
        /** Whether the next step is the release (the button the countdown enables). */
        public boolean releasing() {
            return next == Batch.Status.RELEASED;
        }

        /** The rest left as m:ss. */
        public String restLeft() {
            return restLeftSeconds / 60 + ":" + String.format("%02d", restLeftSeconds % 60);
        }
    }

    /** The open window: when it closes, how many orders so far, and per product what was ordered and what is left. */
    @RegisterForReflection
    record OpenWindow(WindowView window, long orders, List<OpenLine> lines) {}

    @RegisterForReflection
    record OpenLine(String product, String unit, int ordered, int remaining) {}

    private final VolunteerService volunteers;
    private final CheckpointService checkpoints;
    private final CareRequestService care;
    private final BatchService batches;
    private final CatalogService catalog;
    private final WindowSummaryService summaries;
    private final Clock clock;

    ConsoleBoard(VolunteerService volunteers, CheckpointService checkpoints, CareRequestService care, BatchService batches,
                 CatalogService catalog, WindowSummaryService summaries, Clock clock) {
        this.volunteers = volunteers;
        this.checkpoints = checkpoints;
        this.care = care;
        this.batches = batches;
        this.catalog = catalog;
        this.summaries = summaries;
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
                care.assignees(caller, communityId),
                staffOnly(() -> volunteers.applications(caller, communityId, Volunteer.Status.PENDING, 0, 50)),
                staffOnly(() -> batches.ofCommunity(caller, communityId).stream().map(b -> batchRow(b, now)).toList()),
                staffOnly(() -> openWindow(caller, communityId)));
    }

    private static BatchRow batchRow(BatchView b, OffsetDateTime now) {
        Batch.Status next = b.status() == Batch.Status.RELEASED ? null : Batch.Status.values()[b.status().ordinal() + 1];
        long left = b.status() == Batch.Status.STORED || b.status() == Batch.Status.DISINFECTED
                ? Math.max(0, java.time.Duration.between(now, b.releasableAt()).toSeconds()) : 0;
        return new BatchRow(b, next, left);
    }

    private OpenWindow openWindow(Caller caller, UUID communityId) {
        Catalog open = catalog.catalog(caller, communityId);
        if (open.window() == null) {
            return null;
        }
        WindowSummary summary = summaries.summary(caller, open.window().id());
        long orders = summaries.perHour(caller, open.window().id()).stream().mapToLong(HourCount::orders).sum();
        return new OpenWindow(open.window(), orders, open.items().stream().map(i -> new OpenLine(i.name(), i.unit(),
                summary.totals().stream().filter(t -> t.productId().equals(i.productId())).mapToInt(ProductTotal::quantity).sum(),
                i.remaining())).toList());
    }

    void createBatch(Caller caller, UUID windowId) {
        if (windowId == null) {
            throw ApiException.invalid("windowId", "请选择订购时段", "Choose the ordering window");
        }
        batches.create(caller, new CreateBatch(windowId));
    }

    /** The next step of a batch, by the service's rules (BAD_TRANSITION, REST_NOT_OVER). */
    void stepBatch(Caller caller, UUID batchId, String to) {
        Batch.Status status;
        try {
            status = Batch.Status.valueOf(to == null ? "" : to);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("to", "请选择下一步", "Choose the next step");
        }
        if (status == Batch.Status.CREATED) {
            throw ApiException.invalid("to", "请选择下一步", "Choose the next step");
        }
        batches.step(caller, batchId, status);
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
