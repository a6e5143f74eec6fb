package org.tongxin.auth;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.AuthDtos.*;
import org.tongxin.common.Created;

/** API.md § Auth: invitations to staff roles. */
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
    @Operation(summary = "Invite to a role at or below yours, inside your scope",
            description = "The plain code is returned once. 403 ROLE_NOT_INVITABLE, 400 SCOPE_REQUIRED")
    public Response create(CreateInvitation req) {
        InvitationView view = invitations.create(caller.get(), req);
        return Created.at("/api/invitations/" + view.id(), view);
    }

    @POST
    @Path("/accept")
    @Operation(summary = "Accept an invitation; refresh the token to use the new role",
            description = "404 INVITATION_INVALID, 409 INVITATION_USED_UP, 410 INVITATION_EXPIRED")
    public MeView accept(CodeRequest req) {
        return invitations.accept(caller.get(), req);
    }
}
