package org.tongxin.care;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.CurrentCaller;
import org.tongxin.care.CareDtos.RecordVulnerable;
import org.tongxin.care.CareDtos.VulnerableView;
import org.tongxin.common.CommonError;
import org.tongxin.common.Created;
import org.tongxin.common.Page;
import org.tongxin.privacy.PrivacyError;
import org.tongxin.common.PlaceError;

/** docs/care.md: the vulnerable-person register, for staff in scope. */
@Path("/api/vulnerable-persons")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Care")
@SecurityRequirement(name = "bearer")
public class VulnerableResource {

    private final VulnerableService register;
    private final CurrentCaller caller;

    VulnerableResource(VulnerableService register, CurrentCaller caller) {
        this.register = register;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Record someone of a household who needs looking after (grid worker or staff whose scope covers it)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.HOUSEHOLD_NOT_FOUND)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VulnerableView.class)))
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Response record(RecordVulnerable req) {
        VulnerableView view = register.record(caller.get(), req);
        return Created.at("/api/vulnerable-persons/" + view.id(), view);
    }

    @GET
    @Operation(summary = "The community's register, as far as the caller's scope reaches")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Page<VulnerableView> list(@QueryParam("communityId") @NotNull UUID communityId,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return register.ofCommunity(caller.get(), communityId, page, size);
    }
}
