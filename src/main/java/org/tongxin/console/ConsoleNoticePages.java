package org.tongxin.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tongxin.notice.NoticeDtos.RobotPreview;

/** The console's notices page (docs/console.md): compose, preview, publish, follow the deliveries. Not in the OpenAPI document. */
@Path("/console/notices")
@Produces(MediaType.TEXT_HTML)
public class ConsoleNoticePages {

    @CheckedTemplate(basePath = "ConsolePages")
    static class Templates {
        static native TemplateInstance notices(ConsoleFrame.Frame frame, ConsoleNotices.Compose compose);

        static native TemplateInstance notice(ConsoleFrame.Frame frame, ConsoleNotices.Followed followed);

        static native TemplateInstance notice_deliveries(ConsoleNotices.Followed followed);

        static native TemplateInstance notices_preview(RobotPreview preview);
    }

    private final ConsoleRequests requests;
    private final ConsoleFrame frames;
    private final ConsoleNotices notices;

    ConsoleNoticePages(ConsoleRequests requests, ConsoleFrame frames, ConsoleNotices notices) {
        this.requests = requests;
        this.frames = frames;
        this.notices = notices;
    }

    @GET
    @Operation(hidden = true)
    public Response compose(@CookieParam(ConsoleRequests.SESSION_COOKIE) String token, @QueryParam("community") UUID community) {
        return requests.page(token, s -> {
            ConsoleFrame.Frame frame = frames.of(s, community, "notices");
            return Response.ok(Templates.notices(frame, notices.compose(s.caller(), frame.communityId()))).build();
        });
    }

    /** The compose form's live preview (htmx, as the staff member types): what the group robots would post. */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response preview(@CookieParam(ConsoleRequests.SESSION_COOKIE) String token, @FormParam("csrf") String csrf,
                            @FormParam("title") String title, @FormParam("body") String body) {
        return requests.form(token, csrf, s -> Response.ok(Templates.notices_preview(notices.preview(title, body))).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response publish(@CookieParam(ConsoleRequests.SESSION_COOKIE) String token, @FormParam("csrf") String csrf,
                            @FormParam("community") UUID community, @FormParam("title") String title, @FormParam("body") String body,
                            @FormParam("scope") String scope, @FormParam("channels") List<String> channels,
                            @FormParam("sendAt") String sendAt) {
        return requests.form(token, csrf, s -> {
            UUID id = notices.publish(s.caller(), title, body, scope, channels, sendAt);
            return Response.seeOther(URI.create("/console/notices/" + id + (community == null ? "" : "?community=" + community))).build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public Response notice(@CookieParam(ConsoleRequests.SESSION_COOKIE) String token, @PathParam("id") UUID id,
                           @QueryParam("community") UUID community) {
        return requests.page(token, s -> Response.ok(Templates.notice(frames.of(s, community, "notices"), notices.follow(s.caller(), id)))
                .build());
    }

    /** The deliveries table, polled every 2 s while any is still to be sent; 286 (htmx: stop polling) once all are settled. */
    @GET
    @Path("/{id}/deliveries")
    @Operation(hidden = true)
    public Response deliveries(@CookieParam(ConsoleRequests.SESSION_COOKIE) String token, @PathParam("id") UUID id) {
        return requests.page(token, s -> {
            ConsoleNotices.Followed followed = notices.follow(s.caller(), id);
            return Response.status(followed.settled() ? 286 : 200).entity(Templates.notice_deliveries(followed)).build();
        });
    }
}
