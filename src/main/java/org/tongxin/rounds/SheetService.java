package org.tongxin.rounds;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.PiiCipher;
import org.tongxin.org.HouseholdService;
import org.tongxin.org.OrgDtos.CommunityView;
import org.tongxin.org.OrgDtos.GridView;
import org.tongxin.org.OrgDtos.HouseholdLabel;
import org.tongxin.org.OrgService;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.AuditTrail;

/**
 * The printed household sheets (户码单): one A4 page per household with every member's testing
 * code as a QR code, in lane order — a grid's stack for its lane head, a building's, or one
 * household's page. The only place a testing code leaves the service. Who may print: a household's
 * own page, whoever tends it (its residents, its caretaker, grid workers and staff in scope); a
 * grid's or a building's stack, grid workers and staff whose scope covers it. Pages are rendered
 * while they are sent, households read a hundred at a time, so a lane of any size costs the same memory.
 */
@ApplicationScoped
public class SheetService {

    /** Households read (and their names and codes opened) at a time while a stack streams. */
    static final int BATCH = 100;

    /** A sheet ready to stream: its file name and its bytes, written as the client reads. */
    public record Sheet(String filename, StreamingOutput pdf) {}

    private final MemberRepository members;
    private final MemberService tending;
    private final HouseholdService households;
    private final OrgService org;
    private final ScopeGuard scope;
    private final PiiCipher pii;
    private final AuditTrail audit;

    SheetService(MemberRepository members, MemberService tending, HouseholdService households, OrgService org, ScopeGuard scope,
                 PiiCipher pii, AuditTrail audit) {
        this.members = members;
        this.tending = tending;
        this.households = households;
        this.org = org;
        this.scope = scope;
        this.pii = pii;
        this.audit = audit;
    }

    public Sheet household(Caller caller, UUID householdId) {
        OrgLocation household = households.locate(householdId);
        tending.requireTending(caller, household);
        List<HouseholdLabel> one = List.copyOf(households.labels(List.of(householdId)).values());
        if (!tending.livesIn(caller, householdId)) {
            audit.sheet(caller, AuditKind.TESTING_CODE, householdId, 1); // before the pages stream: no sheet without its record
        }
        Log.infof("household sheet printed household=%s by=%s", householdId, caller.userId());
        return new Sheet("household-" + householdId + ".pdf", stack(household, one));
    }

    public Sheet grid(Caller caller, UUID gridId) {
        return stackOf(caller, "grid", gridId, org.locateGrid(gridId));
    }

    public Sheet building(Caller caller, UUID buildingId) {
        return stackOf(caller, "building", buildingId, org.locateBuilding(buildingId));
    }

    /** The stack of a grid or a building, for grid workers and staff whose scope covers it. */
    private Sheet stackOf(Caller caller, String kind, UUID id, OrgLocation where) {
        scope.require(caller, Role.GRID_WORKER, where);
        List<HouseholdLabel> labels = households.labelsIn(where);
        audit.sheet(caller, AuditKind.TESTING_CODE, id, labels.size()); // before the pages stream: no sheet without its record
        Log.infof("%s sheets printed %s=%s households=%d by=%s", kind, kind, id, labels.size(), caller.userId());
        return new Sheet(kind + "-" + id + ".pdf", stack(where, labels));
    }

    /** The pages of these households in walking order (building, then room), streamed. */
    private StreamingOutput stack(OrgLocation where, List<HouseholdLabel> labels) {
        List<HouseholdLabel> ordered = labels.stream().sorted(Comparator.comparing(HouseholdLabel::buildingName, Rooms.ORDER)
                .thenComparing(HouseholdLabel::room, Rooms.ORDER)).toList();
        CommunityView community = org.getCommunity(where.communityId());
        Map<UUID, String> grids = community.grids().stream().collect(Collectors.toMap(GridView::id, GridView::name));
        String place = community.name() + " · " + grids.getOrDefault(where.gridId(), "");
        return out -> SheetPages.write(out, new Pages(ordered, place), ordered.size());
    }

    /** Reads the next hundred households' members (in a transaction of its own) when the previous ones are drawn. */
    private final class Pages implements Iterator<SheetPages.Page> {

        private final List<HouseholdLabel> households;
        private final String place;
        private final Deque<SheetPages.Page> ready = new ArrayDeque<>();
        private int next;

        Pages(List<HouseholdLabel> households, String place) {
            this.households = households;
            this.place = place;
        }

        @Override
        public boolean hasNext() {
            return !ready.isEmpty() || next < households.size();
        }

        @Override
        public SheetPages.Page next() {
            if (ready.isEmpty()) {
                if (next >= households.size()) {
                    throw new NoSuchElementException();
                }
                List<HouseholdLabel> batch = households.subList(next, Math.min(next + BATCH, households.size()));
                next += batch.size();
                ready.addAll(QuarkusTransaction.requiringNew().call(() -> pages(batch)));
            }
            return ready.poll();
        }

        private List<SheetPages.Page> pages(List<HouseholdLabel> batch) {
            Map<UUID, List<HouseholdMember>> byHousehold = members.ofHouseholds(batch.stream().map(HouseholdLabel::householdId).toList())
                    .stream().collect(Collectors.groupingBy(HouseholdMember::getHouseholdId));
            return batch.stream().map(h -> new SheetPages.Page("tongxin-household:" + h.householdId(), place,
                    h.buildingName() + " " + h.room(), byHousehold.getOrDefault(h.householdId(), List.of()).stream().map(m -> {
                        PiiCipher.Reader r = pii.reader(m.getId());
                        String name = m.name(r);
                        return new SheetPages.Member(name == null ? null : Names.mask(name), m.hasTestingCode() ? m.testingCode(r) : null);
                    }).toList())).toList();
        }
    }
}
