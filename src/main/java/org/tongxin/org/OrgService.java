package org.tongxin.org;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tongxin.auth.Caller;
import org.tongxin.auth.OrgDirectory;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.PlaceError;
import org.tongxin.common.SqlErrors;
import org.tongxin.org.OrgDtos.*;

/**
 * The district's organisation tree and its risk levels. Who may change what: the district admin
 * creates streets, a street admin creates communities and sets risk levels, community staff
 * shape grids and buildings. Also the public facade other features use to locate a place, and
 * auth's {@link OrgDirectory}.
 */
@ApplicationScoped
public class OrgService implements OrgDirectory {

    private static final OrgLocation DISTRICT = new OrgLocation(null, null, null, null, null);

    private final StreetRepository streets;
    private final CommunityRepository communities;
    private final GridRepository grids;
    private final BuildingRepository buildings;
    private final ScopeGuard scope;

    OrgService(StreetRepository streets, CommunityRepository communities, GridRepository grids,
               BuildingRepository buildings, ScopeGuard scope) {
        this.streets = streets;
        this.communities = communities;
        this.grids = grids;
        this.buildings = buildings;
        this.scope = scope;
    }

    @Transactional
    public StreetView createStreet(Caller caller, @NotNull @Valid CreateStreet req) {
        scope.require(caller, Role.DISTRICT_ADMIN, DISTRICT);
        if (streets.nameTaken(req.name())) {
            throw new ApiException(OrgError.NAME_TAKEN);
        }
        Street street = new Street(req.name(), req.kind() != null ? req.kind() : Street.Kind.STREET);
        SqlErrors.insertUnique(OrgError.NAME_TAKEN, () -> streets.persistAndFlush(street));
        Log.infof("street created id=%s", street.getId());
        return StreetView.from(street, List.of());
    }

    /** The whole tree down to communities, for pickers in the mini-program. */
    public List<StreetView> listStreets() {
        Map<UUID, List<CommunitySummary>> byStreet = communities.listAll().stream()
                .sorted(Comparator.comparing(Community::getName))
                .collect(Collectors.groupingBy(Community::getStreetId,
                        Collectors.mapping(CommunitySummary::from, Collectors.toList())));
        return streets.listAll().stream()
                .sorted(Comparator.comparing(Street::getName))
                .map(s -> StreetView.from(s, byStreet.getOrDefault(s.getId(), List.of())))
                .toList();
    }

    @Transactional
    public CommunityView createCommunity(Caller caller, @NotNull @Valid CreateCommunity req) {
        if (streets.findByIdOptional(req.streetId()).isEmpty()) {
            throw new ApiException(PlaceError.STREET_NOT_FOUND);
        }
        scope.require(caller, Role.STREET_ADMIN, OrgLocation.ofStreet(req.streetId()));
        if (communities.nameTaken(req.streetId(), req.name())) {
            throw new ApiException(OrgError.NAME_TAKEN);
        }
        Community community = new Community(req.streetId(), req.name(), req.kind());
        SqlErrors.insertUnique(OrgError.NAME_TAKEN, () -> communities.persistAndFlush(community));
        Log.infof("community created id=%s street=%s", community.getId(), req.streetId());
        return CommunityView.from(community, List.of());
    }

    public CommunityView getCommunity(UUID id) {
        Community c = communities.findByIdOptional(id).orElseThrow(() -> new ApiException(PlaceError.COMMUNITY_NOT_FOUND));
        return CommunityView.from(c, grids.ofCommunity(id));
    }

    @Transactional
    public CommunityView setCommunityRiskLevel(Caller caller, UUID id, @NotNull @Valid RiskLevelChange req) {
        scope.require(caller, Role.STREET_ADMIN, locateCommunity(id));
        Community c = communities.findById(id);
        c.setRiskLevel(req.level());
        Log.infof("community risk level id=%s level=%s", id, req.level());
        return CommunityView.from(c, grids.ofCommunity(id));
    }

    @Transactional
    public GridView createGrid(Caller caller, UUID communityId, @NotNull @Valid CreateGrid req) {
        scope.require(caller, Role.COMMUNITY_STAFF, locateCommunity(communityId));
        if (grids.nameTaken(communityId, req.name())) {
            throw new ApiException(OrgError.NAME_TAKEN);
        }
        Grid grid = new Grid(communityId, req.name());
        SqlErrors.insertUnique(OrgError.NAME_TAKEN, () -> grids.persistAndFlush(grid));
        return GridView.from(grid);
    }

    @Transactional
    public BuildingView createBuilding(Caller caller, UUID gridId, @NotNull @Valid CreateBuilding req) {
        OrgLocation where = locateGrid(gridId);
        scope.require(caller, Role.COMMUNITY_STAFF, where);
        if (buildings.nameTaken(gridId, req.name())) {
            throw new ApiException(OrgError.NAME_TAKEN);
        }
        Building building = new Building(gridId, req.name());
        SqlErrors.insertUnique(OrgError.NAME_TAKEN, () -> buildings.persistAndFlush(building));
        return BuildingView.from(building, communities.findById(where.communityId()).getRiskLevel());
    }

    /** Community staff may lock down (or release) a single building; {@code null} inherits again. */
    @Transactional
    public BuildingView setBuildingRiskLevel(Caller caller, UUID buildingId, @NotNull BuildingRiskLevelChange req) {
        OrgLocation where = locateBuilding(buildingId);
        scope.require(caller, Role.COMMUNITY_STAFF, where);
        Building b = buildings.findById(buildingId);
        b.setRiskLevel(req.level());
        Log.infof("building risk level id=%s level=%s", buildingId, req.level());
        return BuildingView.from(b, communities.findById(where.communityId()).getRiskLevel());
    }

    /** Names of buildings by id, for reports. */
    public java.util.Map<UUID, String> buildingNames(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? java.util.Map.of() : buildings.list("id in ?1", ids).stream()
                .collect(java.util.stream.Collectors.toMap(Building::getId, Building::getName));
    }

    @Override
    public OrgLocation locateStreet(UUID id) {
        return streets.findByIdOptional(id).map(s -> OrgLocation.ofStreet(s.getId()))
                .orElseThrow(() -> new ApiException(PlaceError.STREET_NOT_FOUND));
    }

    @Override
    public OrgLocation locateCommunity(UUID id) {
        return communities.locate(id).orElseThrow(() -> new ApiException(PlaceError.COMMUNITY_NOT_FOUND));
    }

    @Override
    public OrgLocation locateGrid(UUID id) {
        return grids.locate(id).orElseThrow(() -> new ApiException(PlaceError.GRID_NOT_FOUND));
    }

    public OrgLocation locateBuilding(UUID id) {
        return buildings.locate(id).orElseThrow(() -> new ApiException(PlaceError.BUILDING_NOT_FOUND));
    }
}
