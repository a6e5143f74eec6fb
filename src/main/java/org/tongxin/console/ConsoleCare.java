package org.tongxin.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tongxin.auth.Caller;
import org.tongxin.care.CareDtos.Assignee;
import org.tongxin.care.CareDtos.CareRequestView;
import org.tongxin.care.CareDtos.StatusCount;
import org.tongxin.care.CareDtos.VulnerableView;
import org.tongxin.care.CareRequest;
import org.tongxin.care.CareRequestService;
import org.tongxin.care.VulnerableService;
import org.tongxin.common.ApiException;
import org.tongxin.common.Page;
import org.tongxin.org.HouseholdService;
import org.tongxin.org.OrgDtos.HouseholdLabel;

/**
 * The care page (docs/console.md): the community's care requests in the caller's reach, by status as
 * a chart and page by page as a table with building and room, and — only when asked for, since it
 * opens sealed names and notes — the vulnerable-person register. Everything comes from the care
 * feature's services with the session's caller, so the scope (a grid worker: their grids) and the
 * sealed columns are the API's.
 */
@ApplicationScoped
class ConsoleCare {

    static final int PAGE_SIZE = 50;

    /** A request with where its household lives and who carries it out (null: nobody yet, or no longer listed). */
    @RegisterForReflection
    record Row(CareRequestView request, HouseholdLabel household, Assignee assignee) {}

    /**
     * The counts per status and their chart, the status filtered on (null: all), one page of requests,
     * and the register's page (null unless asked for).
     */
    @RegisterForReflection
    record Care(List<StatusCount> counts, String chart, CareRequest.Status status, Page<Row> requests, Page<VulnerableView> register,
                Map<UUID, HouseholdLabel> registerHouseholds) {
        public boolean hasNext() {
            return (requests.page() + 1L) * requests.size() < requests.total();
        }
    }

    private final CareRequestService care;
    private final VulnerableService register;
    private final HouseholdService households;

    ConsoleCare(CareRequestService care, VulnerableService register, HouseholdService households) {
        this.care = care;
        this.register = register;
        this.households = households;
    }

    Care care(Caller caller, UUID communityId, String status, int page, boolean showRegister) {
        CareRequest.Status filter = status(status);
        List<StatusCount> counts = care.countByStatus(caller, communityId);
        Page<CareRequestView> requests = care.ofCommunity(caller, communityId, filter, null, null, null,
                Math.clamp(page, 0, Page.MAX_PAGE), PAGE_SIZE);
        Map<UUID, Assignee> people = care.assignees(caller, communityId).stream()
                .collect(Collectors.toMap(Assignee::userId, Function.identity(), (a, b) -> a));
        Page<VulnerableView> entries = showRegister ? register.ofCommunity(caller, communityId, 0, 200) : null;
        Map<UUID, HouseholdLabel> labels = households.labels(Stream.concat(requests.items().stream().map(CareRequestView::householdId),
                entries == null ? Stream.empty() : entries.items().stream().map(VulnerableView::householdId)).collect(Collectors.toSet()));
        Page<Row> rows = new Page<>(requests.items().stream().map(r -> new Row(r, labels.get(r.householdId()),
                r.assigneeId() == null ? null : people.get(r.assigneeId()))).toList(), requests.page(), requests.size(), requests.total());
        return new Care(counts, ConsoleCharts.careByStatus(counts), filter, rows, entries, labels);
    }

    /** The status filter of the page; empty means all, anything else not a status is 400 VALIDATION_FAILED. */
    private static CareRequest.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CareRequest.Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "没有这个状态", "No such status");
        }
    }
}
