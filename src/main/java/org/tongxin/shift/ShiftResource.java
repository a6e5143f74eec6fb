package org.tongxin.shift;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.CurrentCaller;
import org.tongxin.common.CommonError;
import org.tongxin.common.Created;
import org.tongxin.shift.ShiftDtos.*;

/** docs/shifts.md: claiming, cancelling, check-in/out and handover notes. */
@Path("/api/shifts/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Checkpoints and shifts")
@SecurityRequirement(name = "bearer")
public class ShiftResource {

    private final ShiftService shifts;
    private final CurrentCaller caller;

    ShiftResource(ShiftService shifts, CurrentCaller caller) {
        this.shifts = shifts;
        this.caller = caller;
    }

    @POST
    @Path("/claims")
    @Operation(summary = "Claim a shift (approved volunteer of its community)")
    @ShiftError.Refusals({ShiftError.VOLUNTEER_REQUIRED, ShiftError.SHIFT_NOT_FOUND, ShiftError.SHIFT_FULL, ShiftError.SHIFT_OVERLAP,
            ShiftError.ALREADY_CLAIMED, ShiftError.SHIFT_STARTED})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClaimView.class)))
    public Response claim(@PathParam("id") UUID shiftId) {
        ClaimView view = shifts.claim(caller.get(), shiftId);
        return Created.at("/api/shifts/" + shiftId + "/claims/mine", view);
    }

    @DELETE
    @Path("/claims/mine")
    @Operation(summary = "Cancel my claim until the cut-off (2 h before start)")
    @ShiftError.Refusals({ShiftError.SHIFT_NOT_FOUND, ShiftError.CLAIM_NOT_FOUND, ShiftError.CANCEL_TOO_LATE, ShiftError.ALREADY_CHECKED_IN})
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response cancel(@PathParam("id") UUID shiftId) {
        shifts.cancel(caller.get(), shiftId);
        return Response.noContent().build();
    }

    @POST
    @Path("/check-in")
    @Operation(summary = "Check in, from 30 minutes before the start until the end")
    @ShiftError.Refusals({ShiftError.SHIFT_NOT_FOUND, ShiftError.CLAIM_NOT_FOUND, ShiftError.CHECK_IN_TOO_EARLY, ShiftError.SHIFT_ENDED,
            ShiftError.ALREADY_CHECKED_IN})
    public ClaimView checkIn(@PathParam("id") UUID shiftId) {
        return shifts.checkIn(caller.get(), shiftId);
    }

    @POST
    @Path("/check-out")
    @Operation(summary = "Check out with an optional handover note {handoverNote}; minutes served are credited")
    @ShiftError.Refusals({ShiftError.SHIFT_NOT_FOUND, ShiftError.CLAIM_NOT_FOUND, ShiftError.NOT_CHECKED_IN})
    public ClaimView checkOut(@PathParam("id") UUID shiftId, @RequestBody(required = false) CheckOut req) {
        return shifts.checkOut(caller.get(), shiftId, req);
    }

    @GET
    @Path("/handover")
    @Operation(summary = "Handover notes from the previous shift at this checkpoint (holders of this shift, staff)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @ShiftError.Refusals(ShiftError.SHIFT_NOT_FOUND)
    public List<HandoverNote> handover(@PathParam("id") UUID shiftId) {
        return shifts.handover(caller.get(), shiftId);
    }
}
