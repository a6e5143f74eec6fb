package org.tongxin.order;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.validation.constraints.NotNull;
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
import org.tongxin.order.OrderDtos.BatchView;
import org.tongxin.order.OrderDtos.CreateBatch;

/** docs/orders.md: delivery batches through the three zones at the gate. */
@Path("/api/batches")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders and supply")
@SecurityRequirement(name = "bearer")
public class BatchResource {

    private final BatchService batches;
    private final CurrentCaller caller;

    BatchResource(BatchService batches, CurrentCaller caller) {
        this.batches = batches;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Make a closed window's orders one delivery batch (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @OrderError.Refusals({OrderError.WINDOW_NOT_FOUND, OrderError.WINDOW_STILL_OPEN, OrderError.NOTHING_TO_BATCH})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchView.class)))
    public Response create(CreateBatch req) {
        BatchView view = batches.create(caller.get(), req);
        return Created.at("/api/batches/" + view.id(), view);
    }

    @GET
    @Operation(summary = "The community's batches on their way through the zones and those released in the last day, "
            + "newest first, at most 50 (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    public List<BatchView> ofCommunity(@QueryParam("communityId") @NotNull UUID communityId) {
        return batches.ofCommunity(caller.get(), communityId);
    }

    @POST
    @Path("/{id}/arrive")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "The delivery arrived at the gate (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @OrderError.Refusals({OrderError.BATCH_NOT_FOUND, OrderError.BAD_TRANSITION})
    public BatchView arrive(@PathParam("id") UUID id) {
        return batches.step(caller.get(), id, Batch.Status.ARRIVED);
    }

    @POST
    @Path("/{id}/disinfect")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Disinfected in the buffer zone; the rest before release starts now (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @OrderError.Refusals({OrderError.BATCH_NOT_FOUND, OrderError.BAD_TRANSITION})
    public BatchView disinfect(@PathParam("id") UUID id) {
        return batches.step(caller.get(), id, Batch.Status.DISINFECTED);
    }

    @POST
    @Path("/{id}/store")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Moved to the storage zone (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @OrderError.Refusals({OrderError.BATCH_NOT_FOUND, OrderError.BAD_TRANSITION})
    public BatchView store(@PathParam("id") UUID id) {
        return batches.step(caller.get(), id, Batch.Status.STORED);
    }

    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Released to the pickup zone once the rest after disinfection is over; orders become READY (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @OrderError.Refusals({OrderError.BATCH_NOT_FOUND, OrderError.BAD_TRANSITION, OrderError.REST_NOT_OVER})
    public BatchView release(@PathParam("id") UUID id) {
        return batches.step(caller.get(), id, Batch.Status.RELEASED);
    }
}
