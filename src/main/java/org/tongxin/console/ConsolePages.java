package org.tongxin.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tongxin.auth.AuthService;
import org.tongxin.common.CommonError;

/**
 * The staff console's pages (docs/console.md): server-rendered HTML under {@code /console}, for a
 * console session's cookie. Thin like every resource: the board and its actions call the same
 * services as the API, with the caller the session holds, so scope rules and refusals are the API's.
 * Every form that changes something carries the session's CSRF token. Not in the OpenAPI document.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    static final String SESSION_COOKIE = ConsoleRequests.SESSION_COOKIE;
    static final String LOGIN_COOKIE = ConsoleRequests.LOGIN_COOKIE;
    private static final URI BOARD = URI.create("/console/");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String nonce, String qr, boolean devLogin);

        static native TemplateInstance board(ConsoleFrame.Frame frame, ConsoleBoard.Board board);

        static native TemplateInstance refused(String code, String message);
    }

    private final ConsoleSessions sessions;
    private final ConsoleRequests requests;
    private final ConsoleBoard boards;
    private final ConsoleFrame frames;
    private final AuthService auth;
    private final ConsoleConfig config;

    ConsolePages(ConsoleSessions sessions, ConsoleRequests requests, ConsoleBoard boards, ConsoleFrame frames,
                 AuthService auth, ConsoleConfig config) {
        this.sessions = sessions;
        this.requests = requests;
        this.boards = boards;
        this.frames = frames;
        this.auth = auth;
        this.config = config;
    }

    @GET
    @Path("/login")
    @Operation(hidden = true)
    public Response login(@CookieParam(SESSION_COOKIE) String token) {
        if (sessions.current(token).isPresent()) {
            return Response.seeOther(BOARD).build();
        }
        ConsoleSessions.Login login = sessions.begin();
        return Response.ok(Templates.login(login.nonce(), QrSvg.of("tongxin-console:" + login.nonce(), 232), auth.devLoginOn()))
                .cookie(requests.cookie(LOGIN_COOKIE, login.browserSecret(), (int) config.nonceTtl().toSeconds())).build();
    }

    /** The login page's poll (htmx, every 2 s): 204 while waiting; the session and a redirect once approved; 286 (stop) when gone. */
    @GET
    @Path("/login/{nonce}/wait")
    @Operation(hidden = true)
    public Response await(@PathParam("nonce") String nonce, @CookieParam(LOGIN_COOKIE) String secret) {
        ConsoleSessions.Redeemed r = sessions.redeem(nonce, secret);
        if (r.token().isPresent()) {
            return Response.ok("<a href=\"/console/\">已登录，进入工作台</a>").header("HX-Redirect", BOARD.toString())
                    .cookie(requests.cookie(SESSION_COOKIE, r.token().get(), -1), requests.cookie(LOGIN_COOKIE, "", 0)).build();
        }
        if (r.waiting()) {
            return Response.noContent().build();
        }
        return Response.status(286).entity("<p class=\"warn\">二维码已过期，请<a href=\"/console/login\">刷新</a>后重新扫码。</p>").build();
    }

    /** The dev profile's login by name ({@code dev-<name>} as in the API), for the browser that opened this login page. */
    @POST
    @Path("/dev-login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response devLogin(@FormParam("name") String name, @FormParam("nonce") String nonce, @CookieParam(LOGIN_COOKIE) String secret) {
        if (!auth.devLoginOn()) {
            return requests.refused(CommonError.NOT_FOUND);
        }
        if (nonce == null || !sessions.heldBy(nonce, secret)) {
            return requests.refused(ConsoleError.CONSOLE_FORM_EXPIRED);
        }
        Optional<String> token = auth.devSession(name == null ? "" : name.strip()).flatMap(sessions::openDirectly);
        if (token.isEmpty()) {
            return requests.refused(ConsoleError.CONSOLE_STAFF_ONLY);
        }
        return Response.seeOther(BOARD).cookie(requests.cookie(SESSION_COOKIE, token.get(), -1), requests.cookie(LOGIN_COOKIE, "", 0)).build();
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(@CookieParam(SESSION_COOKIE) String token, @FormParam("csrf") String csrf) {
        return requests.form(token, csrf, s -> {
            sessions.end(token);
            return Response.seeOther(ConsoleRequests.LOGIN).cookie(requests.cookie(SESSION_COOKIE, "", 0)).build();
        });
    }

    @GET
    @Operation(hidden = true)
    public Response board(@CookieParam(SESSION_COOKIE) String token, @QueryParam("community") UUID community) {
        return requests.page(token, s -> {
            ConsoleFrame.Frame frame = frames.of(s, community, "today");
            return Response.ok(Templates.board(frame, boards.board(s.caller(), frame.communityId()))).build();
        });
    }

    @POST
    @Path("/volunteers/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response approveVolunteer(@CookieParam(SESSION_COOKIE) String token, @FormParam("csrf") String csrf, @PathParam("id") UUID id,
                                     @FormParam("team") String team, @FormParam("community") UUID community) {
        return onBoard(token, csrf, community, s -> boards.approveVolunteer(s.caller(), id, team));
    }

    @POST
    @Path("/volunteers/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response rejectVolunteer(@CookieParam(SESSION_COOKIE) String token, @FormParam("csrf") String csrf, @PathParam("id") UUID id,
                                    @FormParam("reason") String reason, @FormParam("community") UUID community) {
        return onBoard(token, csrf, community, s -> boards.rejectVolunteer(s.caller(), id, reason));
    }

    @POST
    @Path("/care-requests/{id}/triage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response triage(@CookieParam(SESSION_COOKIE) String token, @FormParam("csrf") String csrf, @PathParam("id") UUID id,
                           @FormParam("priority") String priority, @FormParam("community") UUID community) {
        return onBoard(token, csrf, community, s -> boards.triage(s.caller(), id, ConsoleBoard.priority(priority)));
    }

    @POST
    @Path("/care-requests/{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response assign(@CookieParam(SESSION_COOKIE) String token, @FormParam("csrf") String csrf, @PathParam("id") UUID id,
                           @FormParam("assigneeId") UUID assignee, @FormParam("community") UUID community) {
        return onBoard(token, csrf, community, s -> boards.assign(s.caller(), id, assignee));
    }

    /** The next step of a delivery batch through the three zones (the release only once the rest is over). */
    @POST
    @Path("/batches/{id}/step")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response stepBatch(@CookieParam(SESSION_COOKIE) String token, @FormParam("csrf") String csrf, @PathParam("id") UUID id,
                              @FormParam("to") String to, @FormParam("community") UUID community) {
        return onBoard(token, csrf, community, s -> boards.stepBatch(s.caller(), id, to));
    }

    /** A closed window's placed orders as a new delivery batch (from the orders page); the board then shows it. */
    @POST
    @Path("/batches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createBatch(@CookieParam(SESSION_COOKIE) String token, @FormParam("csrf") String csrf,
                                @FormParam("windowId") UUID windowId, @FormParam("community") UUID community) {
        return onBoard(token, csrf, community, s -> boards.createBatch(s.caller(), windowId));
    }

    /** A form of the board: the action with the session's caller, then back to the board of the same community (post, redirect, get). */
    private Response onBoard(String token, String csrf, UUID community, java.util.function.Consumer<ConsoleSessions.Session> action) {
        return requests.form(token, csrf, s -> {
            action.accept(s);
            return Response.seeOther(URI.create("/console/" + (community == null ? "" : "?community=" + community))).build();
        });
    }
}
