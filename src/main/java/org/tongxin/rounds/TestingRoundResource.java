package org.tongxin.rounds;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import org.tongxin.privacy.PrivacyError;
import org.tongxin.rounds.RoundsDtos.*;

/** docs/testing-rounds.md: planning and running a round, the sampling station, coverage. */
@Path("/api/testing-rounds")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Testing rounds")
@SecurityRequirement(name = "bearer")
public class TestingRoundResource {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RoundService rounds;
    private final StationService station;
    private final CoverageService coverage;
    private final CurrentCaller caller;

    TestingRoundResource(RoundService rounds, StationService station, CoverageService coverage, CurrentCaller caller) {
        this.rounds = rounds;
        this.station = station;
        this.coverage = coverage;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Plan a round for a date: sites, their lanes in calling order, call groups of at most cap − callNextAt "
            + "people (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @RoundsError.Refusals({RoundsError.GRID_NOT_IN_COMMUNITY, RoundsError.GRID_TWICE, RoundsError.CALL_GROUP_TOO_SMALL,
            RoundsError.NOBODY_TO_TEST, RoundsError.ROUND_EXISTS})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RoundView.class)))
    public Response create(CreateRound req) {
        RoundView view = rounds.create(caller.get(), req);
        return Created.at("/api/testing-rounds/" + view.id(), view);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The round with its sites and call groups (grid workers of the community and staff)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals(RoundsError.ROUND_NOT_FOUND)
    public RoundView get(@PathParam("id") UUID id) {
        return rounds.get(caller.get(), id);
    }

    @POST
    @Path("/{id}/start")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Start the round: each site's first group is called (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals({RoundsError.ROUND_NOT_FOUND, RoundsError.ROUND_NOT_PLANNED})
    public RoundView start(@PathParam("id") UUID id) {
        return rounds.start(caller.get(), id);
    }

    @GET
    @Path("/{id}/sites")
    @Operation(summary = "Each site's count on site, the groups called and the next one (grid workers of the community and staff)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals(RoundsError.ROUND_NOT_FOUND)
    public List<SiteState> sites(@PathParam("id") UUID id) {
        return rounds.sites(caller.get(), id);
    }

    @POST
    @Path("/{id}/sites/{siteId}/pause")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stop calling the site's groups automatically (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals({RoundsError.ROUND_NOT_FOUND, RoundsError.SITE_NOT_FOUND, RoundsError.ROUND_NOT_RUNNING})
    public List<SiteState> pause(@PathParam("id") UUID id, @PathParam("siteId") UUID siteId) {
        return rounds.pause(caller.get(), id, siteId, true);
    }

    @POST
    @Path("/{id}/sites/{siteId}/resume")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Call the site's groups automatically again; the next is called now if few enough remain (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals({RoundsError.ROUND_NOT_FOUND, RoundsError.SITE_NOT_FOUND, RoundsError.ROUND_NOT_RUNNING})
    public List<SiteState> resume(@PathParam("id") UUID id, @PathParam("siteId") UUID siteId) {
        return rounds.pause(caller.get(), id, siteId, false);
    }

    @POST
    @Path("/{id}/sites/{siteId}/call-next")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Call the site's next group now, by hand, if it fits under the cap (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals({RoundsError.ROUND_NOT_FOUND, RoundsError.SITE_NOT_FOUND, RoundsError.ROUND_NOT_RUNNING,
            RoundsError.SITE_FULL, RoundsError.NO_GROUP_LEFT})
    public List<SiteState> callNext(@PathParam("id") UUID id, @PathParam("siteId") UUID siteId) {
        return rounds.callByHand(caller.get(), id, siteId);
    }

    @POST
    @Path("/{id}/arrivals")
    @Operation(summary = "A household's Tongxin QR scanned at its site: the members present count as on site (station: grid "
            + "workers of the community and staff)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals({RoundsError.ROUND_NOT_FOUND, RoundsError.SITE_NOT_FOUND, RoundsError.ROUND_NOT_RUNNING,
            RoundsError.NOT_IN_ROUND, RoundsError.WRONG_SITE, RoundsError.GROUP_NOT_CALLED, RoundsError.SITE_FULL})
    public OnSite arrive(@PathParam("id") UUID id, Arrival req) {
        return station.arrive(caller.get(), id, req);
    }

    @POST
    @Path("/{id}/samples")
    @Operation(summary = "Samples taken, at a site (the next group may be called) or, without siteId, at home (station, or an "
            + "approved volunteer of the community); all or nothing")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals({RoundsError.ROUND_NOT_FOUND, RoundsError.SITE_NOT_FOUND, RoundsError.ROUND_NOT_RUNNING,
            RoundsError.NOT_IN_ROUND, RoundsError.NOT_ARRIVED, RoundsError.ALREADY_SAMPLED})
    public Sampled sample(@PathParam("id") UUID id, Samples req) {
        return station.sample(caller.get(), id, req);
    }

    @POST
    @Path("/{id}/skips")
    @Operation(summary = "Someone will not be sampled at a site: away, isolated elsewhere, or to be sampled at home (station)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals({RoundsError.ROUND_NOT_FOUND, RoundsError.ROUND_NOT_RUNNING, RoundsError.NOT_IN_ROUND,
            RoundsError.ALREADY_SAMPLED})
    public Skipped skip(@PathParam("id") UUID id, Skip req) {
        return station.skip(caller.get(), id, req);
    }

    @GET
    @Path("/{id}/coverage")
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX})
    @Operation(summary = "Who is not sampled yet, per lane, building or household: sampled + skipped + missing = residents "
            + "(station); ?format=csv, or xlsx with the list of everyone not sampled as a second sheet")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals(RoundsError.ROUND_NOT_FOUND)
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Coverage.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response coverage(@PathParam("id") UUID id,
                             @QueryParam("by") @DefaultValue("grid") @Pattern(regexp = "grid|building|household") String by,
                             @QueryParam("format") @DefaultValue("json") @Pattern(regexp = "json|csv|xlsx") String format) {
        RoundRepository.CoverageKey key = RoundRepository.CoverageKey.valueOf(by.toUpperCase(java.util.Locale.ROOT));
        return switch (format) {
            case "csv" -> Response.ok(coverage.csv(caller.get(), id, key), CSV + ";charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"coverage-" + id + ".csv\"").build();
            case "xlsx" -> Response.ok(coverage.xlsx(caller.get(), id, key), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"coverage-" + id + ".xlsx\"").build();
            default -> Response.ok(coverage.coverage(caller.get(), id, key), MediaType.APPLICATION_JSON).build();
        };
    }

    @GET
    @Path("/{id}/unsampled")
    @Operation(summary = "Everyone of the round not sampled yet, with building, room, the name masked and the reason if skipped "
            + "(station)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals(RoundsError.ROUND_NOT_FOUND)
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Page<Unsampled> unsampled(@PathParam("id") UUID id,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return coverage.unsampled(caller.get(), id, page, size);
    }

    @GET
    @Path("/{id}/home-sampling")
    @Operation(summary = "Those to sample at their door: people skipped for HOME_SAMPLING and not sampled yet; for grid workers "
            + "and staff in scope also the vulnerable register and open HOME_SAMPLING care requests (station, and approved volunteers "
            + "of the community, who see only the first)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals(RoundsError.ROUND_NOT_FOUND)
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public List<HomeVisit> homeSampling(@PathParam("id") UUID id) {
        return coverage.homeSampling(caller.get(), id);
    }
}
