package org.tongxin.auth;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.AuthDtos.*;
import org.tongxin.common.CommonError;
import org.tongxin.wechat.WeChatError;

/** docs/auth.md: login, refresh, logout and the caller's own profile. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class AuthResource {

    private final AuthService auth;
    private final AccountService accounts;
    private final CurrentCaller caller;

    AuthResource(AuthService auth, AccountService accounts, CurrentCaller caller) {
        this.auth = auth;
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @Path("/auth/wx-login")
    @Operation(summary = "Log in with a wx.login code")
    @CommonError.Refusals({CommonError.RATE_LIMITED, CommonError.SERVICE_UNAVAILABLE})
    @WeChatError.Refusals({WeChatError.WX_CODE_INVALID, WeChatError.WX_ERROR, WeChatError.WX_UNAVAILABLE, WeChatError.WX_NOT_CONFIGURED})
    public TokenResponse login(CodeRequest req) {
        return auth.login(req);
    }

    @POST
    @Path("/auth/refresh")
    @Operation(summary = "Swap a refresh token for a new pair; reusing an old one revokes the session")
    @CommonError.Refusals({CommonError.RATE_LIMITED, CommonError.SERVICE_UNAVAILABLE})
    @AuthError.Refusals({AuthError.REFRESH_TOKEN_INVALID, AuthError.REFRESH_TOKEN_REUSED})
    public TokenResponse refresh(RefreshRequest req) {
        return auth.refresh(req);
    }

    @POST
    @Path("/auth/logout")
    @Consumes(MediaType.WILDCARD)
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "End this session: its refresh token and access tokens stop working")
    @CommonError.Refusals(CommonError.SERVICE_UNAVAILABLE)
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response logout() {
        auth.logout(caller.get());
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Who am I: roles, scopes, masked phone, household")
    public MeView me() {
        return accounts.me(caller.get().userId());
    }

    @POST
    @Path("/me/phone")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Bind the phone number behind a getPhoneNumber code; answered masked")
    @CommonError.Refusals({CommonError.RATE_LIMITED, CommonError.SERVICE_UNAVAILABLE})
    @WeChatError.Refusals({WeChatError.PHONE_CODE_INVALID, WeChatError.WX_ERROR, WeChatError.WX_UNAVAILABLE, WeChatError.WX_NOT_CONFIGURED})
    public PhoneView bindPhone(CodeRequest req) {
        return new PhoneView(auth.bindPhone(caller.get(), req));
    }
}
