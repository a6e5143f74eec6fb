package org.tongxin.rounds;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.tongxin.auth.Caller;
import org.tongxin.common.ApiException;
import org.tongxin.common.CsvCells;
import org.tongxin.common.Page;
import org.tongxin.common.PiiCipher;
import org.tongxin.org.HomeBound;
import org.tongxin.org.HouseholdService;
import org.tongxin.org.OrgDtos.GridView;
import org.tongxin.org.OrgDtos.HouseholdLabel;
import org.tongxin.org.OrgService;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.AuditTrail;
import org.tongxin.rounds.RoundRepository.CoverageCount;
import org.tongxin.rounds.RoundRepository.CoverageKey;
import org.tongxin.rounds.RoundsDtos.Coverage;
import org.tongxin.rounds.RoundsDtos.CoverageRow;
import org.tongxin.rounds.RoundsDtos.HomeVisit;
import org.tongxin.rounds.RoundsDtos.HomeVisitSource;
import org.tongxin.rounds.RoundsDtos.Unsampled;
import org.tongxin.volunteer.VolunteerService;

/**
 * Who of the round is not sampled yet (应检尽检，不漏一户一人): per lane (grid), building or household,
 * the round's people, those sampled, those skipped with a reason and not sampled, and the rest,
 * missing. The counts are of the round's own rows, so sampled + skipped + missing = residents, line
 * by line and in total. Also the list of everyone not sampled (names masked), the home-sampling
 * list, and the coverage as CSV or XLSX.
 */
@ApplicationScoped
public class CoverageService {

    static final String[] HEADER = {"名称", "应检", "已采样", "登记未检", "未检"};
    static final String[] UNSAMPLED_HEADER = {"楼栋", "房号", "姓名", "未检原因"};

    private final RoundRepository rounds;
    private final MemberRepository members;
    private final RoundService plans;
    private final OrgService org;
    private final HouseholdService households;
    private final VolunteerService volunteers;
    private final HomeBound homeBound;
    private final PiiCipher pii;
    private final AuditTrail audit;

    CoverageService(RoundRepository rounds, MemberRepository members, RoundService plans, OrgService org, HouseholdService households,
                    VolunteerService volunteers, HomeBound homeBound, PiiCipher pii, AuditTrail audit) {
        this.rounds = rounds;
        this.members = members;
        this.plans = plans;
        this.org = org;
        this.households = households;
        this.volunteers = volunteers;
        this.homeBound = homeBound;
        this.pii = pii;
        this.audit = audit;
    }

    public Coverage coverage(Caller caller, UUID roundId, CoverageKey by) {
        return coverage(plans.station(caller, roundId), by);
    }

    /** Everyone of the round not sampled yet, by household, a page at a time (the station). */
    public Page<Unsampled> unsampled(Caller caller, UUID roundId, int page, int size) {
        plans.station(caller, roundId);
        List<Unsampled> people = people(rounds.unsampled(roundId, null, page, size));
        audit.read(caller, AuditKind.HOUSEHOLD_MEMBER, people.stream().map(Unsampled::memberId).toList());
        return new Page<>(people, page, size, rounds.countUnsampled(roundId, null));
    }

    /**
     * Those to sample at their door: people skipped for HOME_SAMPLING and not sampled yet and, for
     * grid workers and staff in scope, the vulnerable register's people and the households that asked
     * for home sampling (care's rules: volunteers see only the first). The station, and volunteers
     * of the community.
     */
    public List<HomeVisit> homeSampling(Caller caller, UUID roundId) {
        TestingRound round = rounds.header(roundId).orElseThrow(() -> new ApiException(RoundsError.ROUND_NOT_FOUND));
        if (volunteers.approvedVolunteerId(caller.userId(), round.getCommunityId()).isEmpty()) {
            plans.station(caller, roundId);
        }
        List<HomeVisit> visits = new java.util.ArrayList<>(people(rounds.unsampled(roundId, SkipReason.HOME_SAMPLING, 0, 0)).stream()
                .map(u -> new HomeVisit(u.householdId(), u.buildingName(), u.room(), u.memberId(), u.nameMasked(), HomeVisitSource.MARKED))
                .toList());
        List<HomeBound.Visit> known = homeBound.visibleTo(caller, round.getCommunityId());
        Map<UUID, HouseholdLabel> labels = households.labels(known.stream().map(HomeBound.Visit::householdId).distinct().toList());
        known.forEach(v -> visits.add(new HomeVisit(v.householdId(), labels.get(v.householdId()).buildingName(),
                labels.get(v.householdId()).room(), null, v.name() == null ? null : Names.mask(v.name()),
                v.source() == HomeBound.Source.REGISTER ? HomeVisitSource.REGISTER : HomeVisitSource.CARE_REQUEST)));
        return visits.stream().sorted(Comparator.comparing(HomeVisit::buildingName, Rooms.ORDER)
                .thenComparing(HomeVisit::room, Rooms.ORDER)).toList();
    }

    /** The coverage as CSV (UTF-8 with a byte-order mark for spreadsheet programs), a total line last. */
    public String csv(Caller caller, UUID roundId, CoverageKey by) {
        Coverage c = coverage(caller, roundId, by);
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (CoverageRow row : c.rows()) {
                printer.printRecord(CsvCells.text(row.name()), row.residents(), row.sampled(), row.skipped(), row.missing());
            }
            printer.printRecord("合计", c.residents(), c.sampled(), c.skipped(), c.missing());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The coverage and, on a second sheet, everyone not sampled yet (names masked), as an XLSX workbook. */
    public byte[] xlsx(Caller caller, UUID roundId, CoverageKey by) {
        Coverage c = coverage(caller, roundId, by);
        List<Unsampled> unsampled = people(rounds.unsampled(roundId, null, 0, 0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "Tongxin", "1.0");
            Worksheet sheet = wb.newWorksheet("覆盖情况");
            header(sheet, HEADER);
            int r = 1;
            for (CoverageRow row : c.rows()) {
                line(sheet, r++, row.name(), row.residents(), row.sampled(), row.skipped(), row.missing());
            }
            line(sheet, r, "合计", c.residents(), c.sampled(), c.skipped(), c.missing());
            Worksheet list = wb.newWorksheet("未检名单");
            header(list, UNSAMPLED_HEADER);
            for (int i = 0; i < unsampled.size(); i++) {
                Unsampled u = unsampled.get(i);
                list.value(i + 1, 0, u.buildingName());
                list.value(i + 1, 1, u.room());
                list.value(i + 1, 2, u.nameMasked() == null ? "" : u.nameMasked());
                list.value(i + 1, 3, u.skipReason() == null ? "未到" : u.skipReason().name());
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private Coverage coverage(TestingRound round, CoverageKey by) {
        List<CoverageCount> counts = rounds.coverage(round.getId(), by);
        Map<UUID, String> names = switch (by) {
            case GRID -> org.getCommunity(round.getCommunityId()).grids().stream().collect(Collectors.toMap(GridView::id, GridView::name));
            case BUILDING -> org.buildingNames(counts.stream().map(CoverageCount::id).toList());
            case HOUSEHOLD -> households.labels(counts.stream().map(CoverageCount::id).toList()).values().stream()
                    .collect(Collectors.toMap(HouseholdLabel::householdId, l -> l.buildingName() + " " + l.room()));
        };
        List<CoverageRow> rows = counts.stream()
                .map(c -> new CoverageRow(c.id(), names.getOrDefault(c.id(), ""), c.residents(), c.sampled(), c.skipped(),
                        c.residents() - c.sampled() - c.skipped()))
                .sorted(Comparator.comparing(CoverageRow::name, Rooms.ORDER)).toList();
        long residents = rows.stream().mapToLong(CoverageRow::residents).sum();
        long sampled = rows.stream().mapToLong(CoverageRow::sampled).sum();
        long skipped = rows.stream().mapToLong(CoverageRow::skipped).sum();
        return new Coverage(residents, sampled, skipped, residents - sampled - skipped, rows);
    }

    /** The people with their building, room and masked name (opened here, for this page only). */
    private List<Unsampled> people(List<RoundRepository.Unsampled> rows) {
        Map<UUID, HouseholdLabel> labels = households.labels(rows.stream().map(RoundRepository.Unsampled::householdId).distinct().toList());
        Map<UUID, HouseholdMember> byId = members.byIds(rows.stream().map(RoundRepository.Unsampled::memberId).toList()).stream()
                .collect(Collectors.toMap(HouseholdMember::getId, Function.identity()));
        return rows.stream().map(r -> {
            HouseholdLabel l = labels.get(r.householdId());
            HouseholdMember m = byId.get(r.memberId());
            String name = m == null ? null : m.name(pii.reader(m.getId()));
            return new Unsampled(r.householdId(), l.buildingName(), l.room(), r.memberId(), name == null ? null : Names.mask(name),
                    r.skipReason() == null ? null : SkipReason.valueOf(r.skipReason()));
        }).sorted(Comparator.comparing(Unsampled::buildingName, Rooms.ORDER).thenComparing(Unsampled::room, Rooms.ORDER)).toList();
    }

    private static void header(Worksheet sheet, String[] header) {
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
    }

    private static void line(Worksheet sheet, int r, String name, long residents, long sampled, long skipped, long missing) {
        sheet.value(r, 0, name);
        sheet.value(r, 1, residents);
        sheet.value(r, 2, sampled);
        sheet.value(r, 3, skipped);
        sheet.value(r, 4, missing);
    }
}
