package org.tongxin.order;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.tongxin.common.PlaceError;
import org.tongxin.common.PlausibleDate;
import org.tongxin.order.OrderDtos.*;

/** docs/orders.md: a community's pickup slots. */
@Path("/api/communities/{id}/pickup-slots")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders and supply")
@SecurityRequirement(name = "bearer")
public class PickupSlotResource {

    private final PickupSlotService slots;
    private final CurrentCaller caller;

    PickupSlotResource(PickupSlotService slots, CurrentCaller caller) {
        this.slots = slots;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Generate a day's pickup slots; idempotent per start time (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SlotsGenerated.class)))
    public Response generate(@PathParam("id") UUID communityId, GenerateSlots req) {
        return Response.status(Response.Status.CREATED).entity(slots.generate(caller.get(), communityId, req)).build();
    }

    @GET
    @Operation(summary = "A day's pickup slots with capacity and taken (its residents and staff); date defaults to today")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    public List<SlotView> ofDay(@PathParam("id") UUID communityId, @QueryParam("date") @PlausibleDate LocalDate date) {
        return slots.ofDay(caller.get(), communityId, date);
    }
}
