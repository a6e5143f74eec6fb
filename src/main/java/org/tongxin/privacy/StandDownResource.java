package org.tongxin.privacy;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.tongxin.common.CommonError;
import org.tongxin.common.Created;
import org.tongxin.common.Page;
import org.tongxin.common.PlaceError;
import org.tongxin.privacy.StandDownDtos.Declare;
import org.tongxin.privacy.StandDownDtos.StandDownView;

/** docs/privacy.md: the end of the emergency for a street or the district, and the purge of its personal data. */
@Path("/api/stand-downs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
@SecurityRequirement(name = "bearer")
public class StandDownResource {

    private final StandDownService standDowns;
    private final CurrentCaller caller;

    StandDownResource(StandDownService standDowns, CurrentCaller caller) {
        this.standDowns = standDowns;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare the end of the emergency for a street or the whole district: its personal data is purged "
            + "retainDays from now (default 30; 0: at the purge job's next run) (DISTRICT_ADMIN)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.STREET_NOT_FOUND)
    @PrivacyError.Refusals(PrivacyError.STAND_DOWN_SCOPE_INVALID)
    @APIResponse(responseCode = "201", description = "Scheduled", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StandDownView.class)))
    public Response declare(Declare req) {
        StandDownView created = standDowns.declare(caller.get(), req);
        return Created.at("/api/stand-downs/" + created.id(), created);
    }

    @GET
    @Operation(summary = "Stand-downs, newest first (DISTRICT_ADMIN)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    public Page<StandDownView> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return standDowns.list(caller.get(), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A stand-down: its status, its dry run while scheduled or purging (what will be erased per kind and "
            + "community, and the aggregates that stay), and what was purged (DISTRICT_ADMIN)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PrivacyError.Refusals(PrivacyError.STAND_DOWN_NOT_FOUND)
    public StandDownView get(@PathParam("id") UUID id) {
        return standDowns.get(caller.get(), id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a stand-down before its purge starts (the emergency goes on) (DISTRICT_ADMIN)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PrivacyError.Refusals({PrivacyError.STAND_DOWN_NOT_FOUND, PrivacyError.STAND_DOWN_STARTED})
    public StandDownView cancel(@PathParam("id") UUID id) {
        return standDowns.cancel(caller.get(), id);
    }
}
