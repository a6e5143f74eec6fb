package org.tongxin.org;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.CurrentCaller;
import org.tongxin.common.CommonError;
import org.tongxin.common.Created;
import org.tongxin.common.Page;
import org.tongxin.common.PlaceError;
import org.tongxin.org.OrgDtos.*;

/** docs/organisation.md: streets, communities, grids, buildings, households, risk levels. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation")
@SecurityRequirement(name = "bearer")
public class OrgResource {

    private final OrgService org;
    private final HouseholdService households;
    private final CurrentCaller caller;

    OrgResource(OrgService org, HouseholdService households, CurrentCaller caller) {
        this.org = org;
        this.households = households;
        this.caller = caller;
    }

    @POST
    @Path("/streets")
    @Operation(summary = "Create a street or town (DISTRICT_ADMIN)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @OrgError.Refusals(OrgError.NAME_TAKEN)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StreetView.class)))
    public Response createStreet(CreateStreet req) {
        StreetView view = org.createStreet(caller.get(), req);
        return Created.at("/api/streets/" + view.id(), view);
    }

    @GET
    @Path("/streets")
    @Operation(summary = "All streets with their communities, for pickers")
    public List<StreetView> listStreets() {
        caller.get();
        return org.listStreets();
    }

    @POST
    @Path("/communities")
    @Operation(summary = "Create a community or village (STREET_ADMIN of its street)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.STREET_NOT_FOUND)
    @OrgError.Refusals(OrgError.NAME_TAKEN)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommunityView.class)))
    public Response createCommunity(CreateCommunity req) {
        CommunityView view = org.createCommunity(caller.get(), req);
        return Created.at("/api/communities/" + view.id(), view);
    }

    @GET
    @Path("/communities/{id}")
    @Operation(summary = "A community with its grids and risk level")
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    public CommunityView getCommunity(@PathParam("id") UUID id) {
        caller.get();
        return org.getCommunity(id);
    }

    @PUT
    @Path("/communities/{id}/risk-level")
    @Operation(summary = "Set a community's risk level (STREET_ADMIN)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    public CommunityView setCommunityRiskLevel(@PathParam("id") UUID id, RiskLevelChange req) {
        return org.setCommunityRiskLevel(caller.get(), id, req);
    }

    @POST
    @Path("/communities/{id}/grids")
    @Operation(summary = "Create a grid (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @OrgError.Refusals(OrgError.NAME_TAKEN)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GridView.class)))
    public Response createGrid(@PathParam("id") UUID communityId, CreateGrid req) {
        GridView view = org.createGrid(caller.get(), communityId, req);
        return Created.at("/api/grids/" + view.id(), view);
    }

    @POST
    @Path("/grids/{id}/buildings")
    @Operation(summary = "Create a building or lane (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.GRID_NOT_FOUND)
    @OrgError.Refusals(OrgError.NAME_TAKEN)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BuildingView.class)))
    public Response createBuilding(@PathParam("id") UUID gridId, CreateBuilding req) {
        BuildingView view = org.createBuilding(caller.get(), gridId, req);
        return Created.at("/api/buildings/" + view.id(), view);
    }

    @PUT
    @Path("/buildings/{id}/risk-level")
    @Operation(summary = "Set a building's own risk level, or null to inherit (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.BUILDING_NOT_FOUND)
    public BuildingView setBuildingRiskLevel(@PathParam("id") UUID buildingId, BuildingRiskLevelChange req) {
        return org.setBuildingRiskLevel(caller.get(), buildingId, req);
    }

    @POST
    @Path("/buildings/{id}/households")
    @Operation(summary = "Register a household and get its join code (GRID_WORKER)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.BUILDING_NOT_FOUND)
    @OrgError.Refusals(OrgError.ROOM_TAKEN)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HouseholdView.class)))
    public Response createHousehold(@PathParam("id") UUID buildingId, CreateHousehold req) {
        HouseholdView view = households.create(caller.get(), buildingId, req);
        return Created.at("/api/households/" + view.id(), view);
    }

    @POST
    @Path("/households/{id}/join-code")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Give a household a new join code; the old one stops working (GRID_WORKER)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.HOUSEHOLD_NOT_FOUND)
    public HouseholdView rotateJoinCode(@PathParam("id") UUID householdId) {
        return households.rotateJoinCode(caller.get(), householdId);
    }

    @GET
    @Path("/buildings/{id}/households")
    @Operation(summary = "Households of a building with join codes (GRID_WORKER)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.BUILDING_NOT_FOUND)
    public Page<HouseholdView> listHouseholds(@PathParam("id") UUID buildingId,
                                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return households.list(caller.get(), buildingId, page, size);
    }

    @POST
    @Path("/me/household")
    @Operation(summary = "Join a household with its join code")
    @CommonError.Refusals({CommonError.RATE_LIMITED, CommonError.SERVICE_UNAVAILABLE})
    @OrgError.Refusals({OrgError.JOIN_CODE_INVALID, OrgError.HOUSEHOLD_FULL})
    public HouseholdBinding joinHousehold(JoinHousehold req) {
        return households.join(caller.get(), req);
    }
}
