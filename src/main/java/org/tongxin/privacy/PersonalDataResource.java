package org.tongxin.privacy;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.CurrentCaller;
import org.tongxin.common.CommonError;
import org.tongxin.privacy.PersonalDataDtos.Erasure;
import org.tongxin.privacy.PersonalDataDtos.MyData;

/** docs/privacy.md: a person's copy of their own data, and the erasure of their account. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
@SecurityRequirement(name = "bearer")
public class PersonalDataResource {

    private final PersonalDataService data;
    private final CurrentCaller caller;

    PersonalDataResource(PersonalDataService data, CurrentCaller caller) {
        this.data = data;
        this.caller = caller;
    }

    @GET
    @Path("/me/data")
    @Operation(summary = "Everything kept about the caller and their household membership, sealed values opened for them "
            + "(the phone in full): account, household, people and testing codes, orders, care requests, the household's "
            + "register entries and care packages, subscriptions, volunteer records and shift claims, households looked "
            + "after. Not cached (no-store)")
    @CommonError.Refusals(CommonError.RATE_LIMITED)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MyData.class)))
    public Response copy() {
        return Response.ok(data.copy(caller.get())).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase the caller's account: roles taken away, sealed values and the WeChat and phone hashes removed, "
            + "names replaced by a marker, the household left, orders and care requests kept anonymised, every session "
            + "ended. Idempotent: repeated with the same token, it answers 204 again; a new login is a new resident")
    @PrivacyError.Refusals({PrivacyError.CONFIRMATION_REQUIRED, PrivacyError.AUDIT_UNAVAILABLE})
    @APIResponse(responseCode = "204", description = "Erased; no body")
    public Response erase(Erasure req) {
        data.erase(caller.get(), req == null ? null : req.confirm());
        return Response.noContent().build();
    }
}
