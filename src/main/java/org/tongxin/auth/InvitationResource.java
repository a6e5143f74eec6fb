package org.tongxin.auth;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.tongxin.auth.AuthDtos.*;
import org.tongxin.common.CommonError;
import org.tongxin.common.Created;
import org.tongxin.common.Page;
import org.tongxin.common.PlaceError;

/** docs/auth.md: invitations to staff roles. */
@Path("/api/invitations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
@SecurityRequirement(name = "bearer")
public class InvitationResource {

    private final InvitationService invitations;
    private final CurrentCaller caller;

    InvitationResource(InvitationService invitations, CurrentCaller caller) {
        this.invitations = invitations;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Invite to a role at or below yours, inside your scope")
    @AuthError.Refusals({AuthError.SCOPE_REQUIRED, AuthError.SCOPE_NOT_ALLOWED, AuthError.EXPIRY_IN_PAST, AuthError.ROLE_NOT_INVITABLE})
    @PlaceError.Refusals({PlaceError.STREET_NOT_FOUND, PlaceError.COMMUNITY_NOT_FOUND, PlaceError.GRID_NOT_FOUND})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InvitationView.class)))
    public Response create(CreateInvitation req) {
        InvitationView view = invitations.create(caller.get(), req);
        return Created.at("/api/invitations/" + view.id(), view);
    }

    @POST
    @Path("/accept")
    @Operation(summary = "Accept an invitation; refresh the token to use the new role")
    @CommonError.Refusals({CommonError.RATE_LIMITED, CommonError.SERVICE_UNAVAILABLE})
    @AuthError.Refusals({AuthError.INVITATION_INVALID, AuthError.INVITATION_USED_UP, AuthError.INVITATION_EXPIRED, AuthError.INVITATION_REVOKED})
    public MeView accept(CodeRequest req) {
        return invitations.accept(caller.get(), req);
    }

    @GET
    @Operation(summary = "Invitations within your scopes, newest first; codes are never shown again")
    public Page<InvitationView> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return invitations.list(caller.get(), page, size);
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke an invitation: it can no longer be accepted; those who accepted it keep their role")
    @AuthError.Refusals({AuthError.ROLE_NOT_INVITABLE, AuthError.INVITATION_NOT_FOUND})
    public InvitationView revoke(@PathParam("id") UUID id) {
        return invitations.revoke(caller.get(), id);
    }
}
