package org.tongxin.console;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.CurrentCaller;
import org.tongxin.common.CommonError;

/** docs/console.md: the mini-program approves a console login it scanned. */
@Path("/api/console-sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff console")
@SecurityRequirement(name = "bearer")
public class ConsoleSessionResource {

    private final ConsoleSessions sessions;
    private final CurrentCaller caller;

    ConsoleSessionResource(ConsoleSessions sessions, CurrentCaller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @Path("/{nonce}/approve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve the console login whose QR (tongxin-console:<nonce>) was scanned; staff only, once, within 2 minutes")
    @CommonError.Refusals(CommonError.SERVICE_UNAVAILABLE)
    @ConsoleError.Refusals({ConsoleError.CONSOLE_STAFF_ONLY, ConsoleError.CONSOLE_NONCE_EXPIRED})
    @APIResponse(responseCode = "204", description = "Approved: the browser that shows the QR is logged in on its next poll")
    public Response approve(@PathParam("nonce") String nonce) {
        sessions.approve(caller.get(), nonce);
        return Response.noContent().build();
    }
}
