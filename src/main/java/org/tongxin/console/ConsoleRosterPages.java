package org.tongxin.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The console's volunteers-and-shifts page (docs/console.md). Not in the OpenAPI document. */
@Path("/console/roster")
@Produces(MediaType.TEXT_HTML)
public class ConsoleRosterPages {

    @CheckedTemplate(basePath = "ConsolePages")
    static class Templates {
        static native TemplateInstance roster(ConsoleFrame.Frame frame, ConsoleRoster.Roster roster);
    }

    private final ConsoleRequests requests;
    private final ConsoleFrame frames;
    private final ConsoleRoster rosters;

    ConsoleRosterPages(ConsoleRequests requests, ConsoleFrame frames, ConsoleRoster rosters) {
        this.requests = requests;
        this.frames = frames;
        this.rosters = rosters;
    }

    @GET
    @Operation(hidden = true)
    public Response roster(@CookieParam(ConsoleRequests.SESSION_COOKIE) String token, @QueryParam("community") UUID community) {
        return requests.page(token, s -> {
            ConsoleFrame.Frame frame = frames.of(s, community, "roster");
            return Response.ok(Templates.roster(frame, rosters.roster(s.caller(), frame.communityId()))).build();
        });
    }
}
