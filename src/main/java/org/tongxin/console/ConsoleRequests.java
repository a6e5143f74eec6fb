package org.tongxin.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Function;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.ErrorCode;

/**
 * What every console page does around its work: find the session of the cookie (else to the login
 * page), check a form's CSRF token against the session's, and show a refusal from the services as a
 * page with its problem code and the status the API would answer.
 */
@ApplicationScoped
class ConsoleRequests {

    static final String SESSION_COOKIE = "tongxin_console";
    static final String LOGIN_COOKIE = "tongxin_console_login";
    static final URI LOGIN = URI.create("/console/login");

    private final ConsoleSessions sessions;
    private final ConsoleConfig config;

    ConsoleRequests(ConsoleSessions sessions, ConsoleConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    /** Runs a page for the session of the cookie; without one, to the login page. */
    Response page(String token, Function<ConsoleSessions.Session, Response> page) {
        Optional<ConsoleSessions.Session> session = sessions.current(token);
        if (session.isEmpty()) {
            return Response.seeOther(LOGIN).cookie(cookie(SESSION_COOKIE, "", 0)).build();
        }
        try {
            return page.apply(session.get());
        } catch (ApiException e) {
            return refused(e.code());
        } catch (ConstraintViolationException e) {
            return refused(CommonError.VALIDATION_FAILED, e.getConstraintViolations().stream().map(ConstraintViolation::getMessage)
                    .findFirst().orElse(CommonError.VALIDATION_FAILED.zh()));
        }
    }

    /** As {@link #page}, for a form that changes something: its CSRF token must be the session's (403 otherwise). */
    Response form(String token, String csrf, Function<ConsoleSessions.Session, Response> action) {
        return page(token, s -> {
            if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), s.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(ConsoleError.CONSOLE_FORM_EXPIRED);
            }
            return action.apply(s);
        });
    }

    Response refused(ErrorCode code) {
        return refused(code, code.zh());
    }

    Response refused(ErrorCode code, String message) {
        return Response.status(code.status()).entity(ConsolePages.Templates.refused(code.name(), message)).type(MediaType.TEXT_HTML).build();
    }

    /** A console cookie: HttpOnly, SameSite=Strict, for /console only, Secure outside dev and test; {@code maxAge} -1: for the browser session. */
    NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/console").httpOnly(true).secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
