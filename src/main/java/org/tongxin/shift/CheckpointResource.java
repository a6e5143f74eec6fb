package org.tongxin.shift;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
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
import org.tongxin.common.PlaceError;
import org.tongxin.common.PlausibleDate;
import org.tongxin.privacy.PrivacyError;
import org.tongxin.shift.ShiftDtos.*;

/** docs/shifts.md: checkpoints, rosters, coverage and no-shows. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Checkpoints and shifts")
@SecurityRequirement(name = "bearer")
public class CheckpointResource {

    private final CheckpointService checkpoints;
    private final CurrentCaller caller;
    private final Clock clock;

    CheckpointResource(CheckpointService checkpoints, CurrentCaller caller, Clock clock) {
        this.checkpoints = checkpoints;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Path("/checkpoints")
    @Operation(summary = "Create a checkpoint with a daily shift pattern covering 24 h (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @ShiftError.Refusals({ShiftError.PATTERN_GAP, ShiftError.CHECKPOINT_NAME_TAKEN})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CheckpointView.class)))
    public Response create(CreateCheckpoint req) {
        CheckpointView view = checkpoints.create(caller.get(), req);
        return Created.at("/api/checkpoints/" + view.id(), view);
    }

    @GET
    @Path("/checkpoints")
    @Operation(summary = "Checkpoints of a community (its volunteers and staff)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    public List<CheckpointView> list(@QueryParam("communityId") @NotNull UUID communityId) {
        return checkpoints.list(caller.get(), communityId);
    }

    @POST
    @Path("/checkpoints/{id}/shifts")
    @Operation(summary = "Generate the pattern's shifts for a date range; idempotent (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @ShiftError.Refusals(ShiftError.CHECKPOINT_NOT_FOUND)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Generated.class)))
    public Response generate(@PathParam("id") UUID checkpointId, GenerateShifts req) {
        return Response.status(Response.Status.CREATED).entity(checkpoints.generate(caller.get(), checkpointId, req)).build();
    }

    @GET
    @Path("/checkpoints/{id}/shifts")
    @Operation(summary = "Shifts of a checkpoint with capacity and taken; from/to are service-zone dates, to inclusive")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @ShiftError.Refusals({ShiftError.BAD_RANGE, ShiftError.CHECKPOINT_NOT_FOUND})
    public List<ShiftView> shifts(@PathParam("id") UUID checkpointId, @QueryParam("from") @PlausibleDate LocalDate from,
                                  @QueryParam("to") @PlausibleDate LocalDate to) {
        return checkpoints.shifts(caller.get(), checkpointId, DateRange.ahead(from, to, clock));
    }

    @GET
    @Path("/checkpoints/{id}/claims")
    @Operation(summary = "Who holds the checkpoint's shifts and whether they checked in; from/to are service-zone dates, "
            + "to inclusive (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @ShiftError.Refusals({ShiftError.BAD_RANGE, ShiftError.CHECKPOINT_NOT_FOUND})
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public List<RosterClaim> claims(@PathParam("id") UUID checkpointId, @QueryParam("from") @PlausibleDate LocalDate from,
                                    @QueryParam("to") @PlausibleDate LocalDate to) {
        return checkpoints.claims(caller.get(), checkpointId, DateRange.ahead(from, to, clock));
    }

    @GET
    @Path("/communities/{id}/coverage")
    @Operation(summary = "Shifts below capacity in a date range (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @ShiftError.Refusals(ShiftError.BAD_RANGE)
    public List<CoverageGap> coverage(@PathParam("id") UUID communityId, @QueryParam("from") @PlausibleDate LocalDate from,
                                      @QueryParam("to") @PlausibleDate LocalDate to) {
        return checkpoints.coverage(caller.get(), communityId, DateRange.ahead(from, to, clock));
    }

    @GET
    @Path("/communities/{id}/no-shows")
    @Operation(summary = "Claimants not checked in 15 minutes after their shift started (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @ShiftError.Refusals(ShiftError.BAD_RANGE)
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public List<NoShow> noShows(@PathParam("id") UUID communityId, @QueryParam("from") @PlausibleDate LocalDate from,
                                @QueryParam("to") @PlausibleDate LocalDate to) {
        return checkpoints.noShows(caller.get(), communityId, DateRange.behind(from, to, clock));
    }
}
