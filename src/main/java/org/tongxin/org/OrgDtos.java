package org.tongxin.org;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tongxin.common.SafeText;

/**
 * Request and response records of the organisation API (docs/organisation.md). Registered for
 * reflection with their nested records: resources that answer a {@code Response} hide the type from
 * Quarkus's native analysis.
 */
@RegisterForReflection
public final class OrgDtos {

    private OrgDtos() {}

    public record CreateStreet(@NotBlank @Size(max = 64) @SafeText String name, Street.Kind kind) {}

    public record StreetView(UUID id, String name, Street.Kind kind, List<CommunitySummary> communities) {
        static StreetView from(Street s, List<CommunitySummary> communities) {
            return new StreetView(s.getId(), s.getName(), s.getKind(), communities);
        }
    }

    public record CreateCommunity(@NotNull UUID streetId, @NotBlank @Size(max = 64) @SafeText String name,
                                  @NotNull Community.Kind kind) {}

    public record CommunitySummary(UUID id, String name, Community.Kind kind, RiskLevel riskLevel) {
        static CommunitySummary from(Community c) {
            return new CommunitySummary(c.getId(), c.getName(), c.getKind(), c.getRiskLevel());
        }
    }

    public record CommunityView(UUID id, UUID streetId, String name, Community.Kind kind, RiskLevel riskLevel,
                                List<GridView> grids) {
        static CommunityView from(Community c, List<Grid> grids) {
            return new CommunityView(c.getId(), c.getStreetId(), c.getName(), c.getKind(), c.getRiskLevel(),
                    grids.stream().map(GridView::from).toList());
        }
    }

    /** Body of the community risk-level change: a level is required. */
    public record RiskLevelChange(@NotNull RiskLevel level) {}

    /** Body of the building risk-level change: {@code null} means "inherit the community's". */
    public record BuildingRiskLevelChange(@Schema(nullable = true) RiskLevel level) {}

    public record CreateGrid(@NotBlank @Size(max = 64) @SafeText String name) {}

    public record GridView(UUID id, UUID communityId, String name) {
        static GridView from(Grid g) {
            return new GridView(g.getId(), g.getCommunityId(), g.getName());
        }
    }

    public record CreateBuilding(@NotBlank @Size(max = 64) @SafeText String name) {}

    /** {@code riskLevel} is the building's own (null = inherits); {@code effectiveRiskLevel} is what applies. */
    public record BuildingView(UUID id, UUID gridId, String name, @Schema(nullable = true) RiskLevel riskLevel,
                               RiskLevel effectiveRiskLevel) {
        static BuildingView from(Building b, RiskLevel communityLevel) {
            RiskLevel effective = b.getRiskLevel() != null ? b.getRiskLevel() : communityLevel;
            return new BuildingView(b.getId(), b.getGridId(), b.getName(), b.getRiskLevel(), effective);
        }
    }

    public record CreateHousehold(@NotBlank @Size(max = 32) @SafeText String room) {}

    public record HouseholdView(UUID id, UUID buildingId, String room, String joinCode, int members) {
        static HouseholdView from(Household h) {
            return new HouseholdView(h.getId(), h.getBuildingId(), h.getRoom(), h.getJoinCode(), h.getMembers());
        }
    }

    /** The join code as printed; dashes and spaces are ignored. */
    public record JoinHousehold(@NotBlank @Size(max = 24) @SafeText String joinCode) {}

    public record HouseholdBinding(UUID householdId, UUID buildingId, UUID communityId) {}

    /** What a printed sheet names a household by. */
    public record HouseholdLabel(UUID householdId, UUID buildingId, String buildingName, String room) {}
}
