package org.tongxin.notice;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.tongxin.notice.NoticeDtos.CreateGroupChat;
import org.tongxin.notice.NoticeDtos.GroupChatView;

/** docs/notices.md: the group chats' robots notices are posted to. */
@Path("/api/group-chats")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices")
@SecurityRequirement(name = "bearer")
public class GroupChatResource {

    private final GroupChatService chats;
    private final CurrentCaller caller;

    GroupChatResource(GroupChatService chats, CurrentCaller caller) {
        this.chats = chats;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Register a group chat's WeCom robot for a community or one of its grids (staff of that place); "
            + "the webhook key is stored sealed and never returned")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals({PlaceError.COMMUNITY_NOT_FOUND, PlaceError.GRID_NOT_FOUND})
    @NoticeError.Refusals({NoticeError.GRID_ELSEWHERE, NoticeError.GROUP_CHAT_NAME_TAKEN})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GroupChatView.class)))
    public Response register(CreateGroupChat req) {
        GroupChatView view = chats.register(caller.get(), req);
        return Created.at("/api/group-chats/" + view.id(), view);
    }

    @PUT
    @Path("/{id}/key")
    @Operation(summary = "Replace a robot's webhook key (staff of its place); posts not yet made use the new key")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @NoticeError.Refusals(NoticeError.GROUP_CHAT_NOT_FOUND)
    public GroupChatView replaceKey(@PathParam("id") UUID id, NoticeDtos.NewWebhookKey req) {
        return chats.replaceKey(caller.get(), id, req);
    }

    @GET
    @Operation(summary = "The community's group chats the caller looks after, each key shown as a hint only")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    public Page<GroupChatView> list(@QueryParam("communityId") @NotNull UUID communityId,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return chats.ofCommunity(caller.get(), communityId, page, size);
    }
}
