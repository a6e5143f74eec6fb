package org.tongxin.auth;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.AuthDtos.GrantView;
import org.tongxin.common.Page;

/** Roles people hold, and taking one back. */
@Path("/api/grants")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
@SecurityRequirement(name = "bearer")
public class GrantResource {

    private final GrantService grants;
    private final CurrentCaller caller;

    GrantResource(GrantService grants, CurrentCaller caller) {
        this.grants = grants;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Roles held within your scopes, optionally in one community and of one role (staff)")
    public Page<GrantView> list(@QueryParam("communityId") UUID communityId, @QueryParam("role") Role role,
                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return grants.list(caller.get(), communityId, role, page, size);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a role; a VOLUNTEER also loses the shifts they claimed that have not started")
    @AuthError.Refusals({AuthError.ROLE_NOT_INVITABLE, AuthError.GRANT_NOT_FOUND, AuthError.GRANT_IS_YOURS})
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response revoke(@PathParam("id") UUID id) {
        grants.revoke(caller.get(), id);
        return Response.noContent().build();
    }
}
