package org.tongxin.notice;

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
import org.tongxin.notice.NoticeDtos.*;

/** docs/notices.md: writing, publishing and following notices, and the residents' feed. */
@Path("/api/notices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices")
@SecurityRequirement(name = "bearer")
public class NoticeResource {

    private final NoticeService notices;
    private final CurrentCaller caller;

    NoticeResource(NoticeService notices, CurrentCaller caller) {
        this.notices = notices;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Write a notice for a street, community, grid or building (staff whose scope covers it): "
            + "a draft, or scheduled when sendAt is given")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals({PlaceError.STREET_NOT_FOUND, PlaceError.COMMUNITY_NOT_FOUND, PlaceError.GRID_NOT_FOUND, PlaceError.BUILDING_NOT_FOUND})
    @NoticeError.Refusals({NoticeError.CHANNEL_NOT_AVAILABLE, NoticeError.SEND_AT_PASSED})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NoticeView.class)))
    public Response create(CreateNotice req) {
        NoticeView view = notices.create(caller.get(), req);
        return Created.at("/api/notices/" + view.id(), view);
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Publish a draft now (or a scheduled notice ahead of its time); the group chats are posted to "
            + "asynchronously, the feed shows it at once")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @NoticeError.Refusals({NoticeError.NOTICE_NOT_FOUND, NoticeError.ALREADY_PUBLISHED})
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NoticeView.class)))
    public Response publish(@PathParam("id") UUID id) {
        return Response.accepted(notices.publishNow(caller.get(), id)).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Each channel and target of a notice with its state, attempts and last error")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @NoticeError.Refusals(NoticeError.NOTICE_NOT_FOUND)
    public List<DeliveryView> deliveries(@PathParam("id") UUID id) {
        return notices.deliveries(caller.get(), id);
    }

    @GET
    @Path("/feed")
    @Operation(summary = "The notices published for my household's building, grid, community and street, newest first")
    public Page<NoticeView> feed(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return notices.feed(caller.get(), page, size);
    }
}
