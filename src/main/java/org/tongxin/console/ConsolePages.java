package org.tongxin.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tongxin.auth.AuthService;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.ErrorCode;

/**
 * The staff console's pages (docs/console.md): server-rendered HTML under {@code /console}, for a
 * console session's cookie. Thin like every resource: the board and its actions call the same
 * services as the API, with the caller the session holds, so scope rules and refusals are the API's.
 * Every form that changes something carries the session's CSRF token. Not in the OpenAPI document.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    static final String SESSION_COOKIE = "tongxin_console";
    static final String LOGIN_COOKIE = "tongxin_console_login";
    private static final URI LOGIN = URI.create("/console/login");
    private static final URI BOARD = URI.create("/console/");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String nonce, String qr, boolean devLogin);

        static native TemplateInstance board(ConsoleBoard.Board board, String csrf);

        static native TemplateInstance refused(String code, String message);
    }

    private final ConsoleSessions sessions;
    private final ConsoleBoard boards;
    private final AuthService auth;
    private final ConsoleConfig config;

    ConsolePages(ConsoleSessions sessions, ConsoleBoard boards, AuthService auth, ConsoleConfig config) {
        this.sessions = sessions;
        this.boards = boards;
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
                .cookie(cookie(LOGIN_COOKIE, login.browserSecret(), (int) config.nonceTtl().toSeconds())).build();
    }

    /** The login page's poll (htmx, every 2 s): 204 while waiting; the session and a redirect once approved; 286 (stop) when gone. */
    @GET
    @Path("/login/{nonce}/wait")
    @Operation(hidden = true)
    public Response await(@PathParam("nonce") String nonce, @CookieParam(LOGIN_COOKIE) String secret) {
        ConsoleSessions.Redeemed r = sessions.redeem(nonce, secret);
        if (r.token().isPresent()) {
            return Response.ok("<a href=\"/console/\">已登录，进入工作台</a>").header("HX-Redirect", BOARD.toString())
                    .cookie(cookie(SESSION_COOKIE, r.token().get(), -1), cookie(LOGIN_COOKIE, "", 0)).build();
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
            return refused(CommonError.NOT_FOUND);
        }
        if (nonce == null || !sessions.heldBy(nonce, secret)) {
            return refused(ConsoleError.CONSOLE_FORM_EXPIRED);
        }
        Optional<String> token = auth.devSession(name == null ? "" : name.strip()).flatMap(sessions::openDirectly);
        if (token.isEmpty()) {
            return refused(ConsoleError.CONSOLE_STAFF_ONLY);
        }
        return Response.seeOther(BOARD).cookie(cookie(SESSION_COOKIE, token.get(), -1), cookie(LOGIN_COOKIE, "", 0)).build();
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(@CookieParam(SESSION_COOKIE) String token, @FormParam("csrf") String csrf) {
        return withForm(token, csrf, s -> {
            sessions.end(token);
            return Response.seeOther(LOGIN).cookie(cookie(SESSION_COOKIE, "", 0)).build();
        });
    }

    @GET
    @Operation(hidden = true)
    public Response board(@CookieParam(SESSION_COOKIE) String token, @QueryParam("community") UUID community) {
        return withSession(token, s -> Response.ok(Templates.board(boards.board(s.caller(), community), s.csrfToken())).build());
    }

    @POST
    @Path("/volunteers/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response approveVolunteer(@CookieParam(SESSION_COOKIE) String token, @FormParam("csrf") String csrf, @PathParam("id") UUID id,
                                     @FormParam("team") String team, @FormParam("community") UUID community) {
        return withForm(token, csrf, s -> {
            boards.approveVolunteer(s.caller(), id, team);
            return backToBoard(community);
        });
    }

    @POST
    @Path("/volunteers/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response rejectVolunteer(@CookieParam(SESSION_COOKIE) String token, @FormParam("csrf") String csrf, @PathParam("id") UUID id,
                                    @FormParam("reason") String reason, @FormParam("community") UUID community) {
        return withForm(token, csrf, s -> {
            boards.rejectVolunteer(s.caller(), id, reason);
            return backToBoard(community);
        });
    }

    private static Response backToBoard(UUID community) {
        return Response.seeOther(URI.create("/console/" + (community == null ? "" : "?community=" + community))).build();
    }

    /** Runs a page for the session of the cookie; without one, to the login page. Refusals render as a page with their code. */
    private Response withSession(String token, Function<ConsoleSessions.Session, Response> page) {
        Optional<ConsoleSessions.Session> session = sessions.current(token);
        if (session.isEmpty()) {
            return Response.seeOther(LOGIN).cookie(cookie(SESSION_COOKIE, "", 0)).build();
        }
        try {
            return page.apply(session.get());
        } catch (ApiException e) {
            return refused(e.code());
        } catch (ConstraintViolationException e) {
            return refused(CommonError.VALIDATION_FAILED, e.getConstraintViolations().stream()
                    .map(v -> v.getMessage()).findFirst().orElse(CommonError.VALIDATION_FAILED.zh()));
        }
    }

    /** As {@link #withSession}, for a form that changes something: its CSRF token must be the session's (403 otherwise). */
    private Response withForm(String token, String csrf, Function<ConsoleSessions.Session, Response> action) {
        return withSession(token, s -> {
            if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), s.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(ConsoleError.CONSOLE_FORM_EXPIRED);
            }
            return action.apply(s);
        });
    }

    private static Response refused(ErrorCode code) {
        return refused(code, code.zh());
    }

    private static Response refused(ErrorCode code, String message) {
        return Response.status(code.status()).entity(Templates.refused(code.name(), message)).type(MediaType.TEXT_HTML).build();
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/console").httpOnly(true).secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
