package org.tongxin.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The console's care page (docs/console.md): requests by status, page by page, and the register on request. Not in the OpenAPI document. */
@Path("/console/care")
@Produces(MediaType.TEXT_HTML)
public class ConsoleCarePages {

    @CheckedTemplate(basePath = "ConsolePages")
    static class Templates {
        static native TemplateInstance care(ConsoleFrame.Frame frame, ConsoleCare.Care care);
    }

    private final ConsoleRequests requests;
    private final ConsoleFrame frames;
    private final ConsoleCare care;

    ConsoleCarePages(ConsoleRequests requests, ConsoleFrame frames, ConsoleCare care) {
        this.requests = requests;
        this.frames = frames;
        this.care = care;
    }

    /** {@code status}: one status only; {@code page}: from 0; {@code register=1}: also show the register's sealed names and notes. */
    @GET
    @Operation(hidden = true)
    public Response care(@CookieParam(ConsoleRequests.SESSION_COOKIE) String token, @QueryParam("community") UUID community,
                         @QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
                         @QueryParam("register") @DefaultValue("0") int register) {
        return requests.page(token, s -> {
            ConsoleFrame.Frame frame = frames.of(s, community, "care");
            return Response.ok(Templates.care(frame, care.care(s.caller(), frame.communityId(), status, page, register == 1))).build();
        });
    }
}
