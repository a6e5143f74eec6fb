package org.tongxin.order;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.CurrentCaller;
import org.tongxin.common.CommonError;
import org.tongxin.common.Created;
import org.tongxin.common.Page;
import org.tongxin.order.OrderDtos.*;

/** docs/orders.md: placing, reading and cancelling orders. */
@Path("/api/orders")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders and supply")
@SecurityRequirement(name = "bearer")
public class OrderResource {

    private final OrderService orders;
    private final HandOverService handOver;
    private final PickupSlotService slots;
    private final CurrentCaller caller;

    OrderResource(OrderService orders, HandOverService handOver, PickupSlotService slots, CurrentCaller caller) {
        this.orders = orders;
        this.handOver = handOver;
        this.slots = slots;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/pickup-slot")
    @Operation(summary = "Pick (or change) the pickup slot of my household's PICKUP_SLOT order (not once it is cancelled "
            + "or handed over); a cancelled order frees its slot")
    @OrderError.Refusals({OrderError.ORDER_NOT_FOUND, OrderError.SLOT_NOT_FOUND, OrderError.WRONG_DELIVERY_MODE,
            OrderError.ORDER_NOT_ACTIVE, OrderError.SLOT_FULL, OrderError.SLOT_PASSED})
    public OrderView pickSlot(@PathParam("id") UUID id, PickSlot req) {
        return slots.pick(caller.get(), id, req);
    }

    @POST
    @Operation(summary = "Place an order for the caller's household; the same Idempotency-Key and body answer the same order")
    @OrderError.Refusals({OrderError.HOUSEHOLD_REQUIRED, OrderError.IDEMPOTENCY_KEY_REQUIRED, OrderError.PRODUCT_NOT_IN_WINDOW,
            OrderError.WINDOW_NOT_FOUND, OrderError.WINDOW_CLOSED, OrderError.OUT_OF_STOCK, OrderError.LIMIT_EXCEEDED,
            OrderError.PICKUP_CODES_TAKEN, OrderError.IDEMPOTENCY_KEY_REUSED})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrderView.class)))
    public Response place(@Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
                                  description = "one per order the person means to place; 1 to 128 characters",
                                  schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 128, pattern = "\\S"))
                          @HeaderParam("Idempotency-Key") String idempotencyKey, PlaceOrder req) {
        OrderView view = orders.place(caller.get(), idempotencyKey, req);
        return Created.at("/api/orders/" + view.id(), view);
    }

    @GET
    @Path("/mine")
    @Operation(summary = "The orders of my household, newest first")
    @OrderError.Refusals(OrderError.HOUSEHOLD_REQUIRED)
    public Page<OrderView> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return orders.mine(caller.get(), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One order: its household's, or any in the scope of staff (grid worker and above)")
    @OrderError.Refusals(OrderError.ORDER_NOT_FOUND)
    public OrderView get(@PathParam("id") UUID id) {
        return orders.get(caller.get(), id);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel my household's order before the window closes; stock and limit come back")
    @OrderError.Refusals({OrderError.ORDER_NOT_FOUND, OrderError.WINDOW_CLOSED, OrderError.ALREADY_CANCELLED})
    public OrderView cancel(@PathParam("id") UUID id) {
        return orders.cancel(caller.get(), id);
    }

    @POST
    @Path("/{id}/deliver")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A door order was handed over (staff of its grid and above, or a volunteer of its community)")
    @OrderError.Refusals({OrderError.ORDER_NOT_FOUND, OrderError.NOT_READY, OrderError.WRONG_DELIVERY_MODE})
    public OrderView deliver(@PathParam("id") UUID id) {
        return handOver.deliver(caller.get(), id);
    }

    @POST
    @Path("/{id}/pickup")
    @Operation(summary = "A pickup order was handed over against its pickup code (staff or a volunteer of its community)")
    @CommonError.Refusals(CommonError.RATE_LIMITED)
    @OrderError.Refusals({OrderError.ORDER_NOT_FOUND, OrderError.NOT_READY, OrderError.WRONG_DELIVERY_MODE, OrderError.WRONG_PICKUP_CODE})
    public OrderView pickup(@PathParam("id") UUID id, Pickup req) {
        return handOver.pickup(caller.get(), id, req);
    }
}
