package org.tongxin.care;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.CurrentCaller;
import org.tongxin.care.CareDtos.*;
import org.tongxin.common.CommonError;
import org.tongxin.common.Created;
import org.tongxin.common.Page;
import org.tongxin.common.PlaceError;

/** docs/care.md: donations and the care packages made from them. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Care")
@SecurityRequirement(name = "bearer")
public class DonationResource {

    private final DonationService donations;
    private final CurrentCaller caller;

    DonationResource(DonationService donations, CurrentCaller caller) {
        this.donations = donations;
        this.caller = caller;
    }

    @POST
    @Path("/donations")
    @Operation(summary = "Record a donation to a community with its items (community staff)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DonationView.class)))
    public Response record(RecordDonation req) {
        DonationView view = donations.record(caller.get(), req);
        return Created.at("/api/donations/" + view.id(), view);
    }

    @GET
    @Path("/donations/{id}")
    @Operation(summary = "A donation: what is left of each item and where it went")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @CareError.Refusals(CareError.DONATION_NOT_FOUND)
    public DonationView get(@PathParam("id") UUID id) {
        return donations.get(caller.get(), id);
    }

    @POST
    @Path("/care-packages")
    @Operation(summary = "The same care package for each household, from donation stock; all or nothing (community staff)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals({PlaceError.COMMUNITY_NOT_FOUND, PlaceError.HOUSEHOLD_NOT_FOUND})
    @CareError.Refusals({CareError.HOUSEHOLD_ELSEWHERE, CareError.ITEM_ELSEWHERE, CareError.DONATION_SHORT})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Allocated.class)))
    public Response allocate(AllocatePackages req) {
        Allocated allocated = donations.allocate(caller.get(), req);
        return Response.status(Response.Status.CREATED).entity(allocated).build();
    }

    @POST
    @Path("/care-packages/{id}/deliver")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A care package was handed over (a volunteer of the community, or a grid worker of the household)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @CareError.Refusals({CareError.PACKAGE_NOT_FOUND, CareError.ALREADY_DELIVERED})
    public List<PackageLine> deliver(@PathParam("id") UUID id) {
        return donations.deliver(caller.get(), id);
    }

    @GET
    @Path("/care-packages/to-deliver")
    @Operation(summary = "The community's care packages not yet delivered: the delivery tasks of its volunteers and grid workers")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    public Page<PackageLine> toDeliver(@QueryParam("communityId") @NotNull UUID communityId,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return donations.toDeliver(caller.get(), communityId, page, size);
    }

    @GET
    @Path("/care-packages")
    @Operation(summary = "What a household received and when (the household itself, or staff in scope)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.HOUSEHOLD_NOT_FOUND)
    public List<PackageLine> history(@QueryParam("householdId") @NotNull UUID householdId) {
        return donations.history(caller.get(), householdId);
    }
}
