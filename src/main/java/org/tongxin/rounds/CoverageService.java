package org.tongxin.rounds;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tongxin.auth.Caller;
import org.tongxin.org.OrgDtos.GridView;
import org.tongxin.org.OrgService;
import org.tongxin.rounds.RoundRepository.CoverageCount;
import org.tongxin.rounds.RoundsDtos.Coverage;
import org.tongxin.rounds.RoundsDtos.CoverageRow;

/**
 * Who of the round is not sampled yet (应检尽检): per lane (grid) or building, the people of the
 * round, those sampled, those skipped with a reason and not sampled, and the rest, missing. The
 * counts are of the round's own rows, so sampled + skipped + missing = residents, line by line and in total.
 */
@ApplicationScoped
public class CoverageService {

    /** How the coverage is broken down. */
    public enum By { GRID, BUILDING }

    private final RoundRepository rounds;
    private final RoundService plans;
    private final OrgService org;

    CoverageService(RoundRepository rounds, RoundService plans, OrgService org) {
        this.rounds = rounds;
        this.plans = plans;
        this.org = org;
    }

    public Coverage coverage(Caller caller, UUID roundId, By by) {
        TestingRound round = plans.station(caller, roundId);
        List<CoverageCount> counts = rounds.coverage(roundId, by == By.BUILDING);
        Map<UUID, String> names = by == By.BUILDING
                ? org.buildingNames(counts.stream().map(CoverageCount::id).toList())
                : org.getCommunity(round.getCommunityId()).grids().stream().collect(Collectors.toMap(GridView::id, GridView::name));
        List<CoverageRow> rows = counts.stream()
                .map(c -> new CoverageRow(c.id(), names.getOrDefault(c.id(), ""), c.residents(), c.sampled(), c.skipped(),
                        c.residents() - c.sampled() - c.skipped()))
                .sorted(Comparator.comparing(CoverageRow::name, Rooms.ORDER)).toList();
        long residents = rows.stream().mapToLong(CoverageRow::residents).sum();
        long sampled = rows.stream().mapToLong(CoverageRow::sampled).sum();
        long skipped = rows.stream().mapToLong(CoverageRow::skipped).sum();
        return new Coverage(residents, sampled, skipped, residents - sampled - skipped, rows);
    }
}
