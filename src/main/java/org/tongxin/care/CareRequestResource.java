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
import org.tongxin.privacy.PrivacyError;
import org.tongxin.common.PlaceError;

/** docs/care.md: requests for help and their steps. */
@Path("/api/care-requests")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Care")
@SecurityRequirement(name = "bearer")
public class CareRequestResource {

    private final CareRequestService requests;
    private final CurrentCaller caller;

    CareRequestResource(CareRequestService requests, CurrentCaller caller) {
        this.requests = requests;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Ask for help: for my household, or (grid worker and staff) for a household in my scope; "
            + "an EMERGENCY starts at P1 and is announced to the community's staff")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.HOUSEHOLD_NOT_FOUND)
    @CareError.Refusals({CareError.HOUSEHOLD_REQUIRED, CareError.EMERGENCY_LIMIT})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CareRequestView.class)))
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Response file(FileRequest req) {
        CareRequestView view = requests.file(caller.get(), req);
        return Created.at("/api/care-requests/" + view.id(), view);
    }

    @GET
    @Path("/mine")
    @Operation(summary = "My household's requests, newest first")
    public Page<CareRequestView> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return requests.mine(caller.get(), page, size);
    }

    @GET
    @Path("/assigned")
    @Operation(summary = "The requests assigned to me and not yet completed, most urgent first")
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Page<CareRequestView> assigned(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return requests.assigned(caller.get(), page, size);
    }

    @GET
    @Operation(summary = "A community's requests in my scope (grid worker and staff), escalated first, then by priority; "
            + "registered households first within a priority")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Page<CareRequestView> list(@QueryParam("communityId") @NotNull UUID communityId,
                                      @QueryParam("status") CareRequest.Status status,
                                      @QueryParam("priority") CareRequest.Priority priority,
                                      @QueryParam("type") CareRequest.Type type,
                                      @QueryParam("escalated") Boolean escalated,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return requests.ofCommunity(caller.get(), communityId, status, priority, type, escalated, page, size);
    }

    @GET
    @Path("/counts")
    @Operation(summary = "How many of a community's requests in my scope are in each status, every status listed "
            + "(grid worker and staff)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    public List<StatusCount> counts(@QueryParam("communityId") @NotNull UUID communityId) {
        return requests.countByStatus(caller.get(), communityId);
    }

    @GET
    @Path("/assignees")
    @Operation(summary = "Whom I may assign a community's requests to: its approved volunteers, then its grid workers "
            + "(a grid worker sees those of their grids); a grid worker qualifies only for requests of their grid")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public List<Assignee> assignees(@QueryParam("communityId") @NotNull UUID communityId) {
        return requests.assignees(caller.get(), communityId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One request: its household's, its assignee's, or staff in scope")
    @CareError.Refusals(CareError.CARE_REQUEST_NOT_FOUND)
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public CareRequestView get(@PathParam("id") UUID id) {
        return requests.get(caller.get(), id);
    }

    @POST
    @Path("/{id}/triage")
    @Operation(summary = "SUBMITTED → TRIAGED with a priority (grid worker and staff in scope)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @CareError.Refusals({CareError.CARE_REQUEST_NOT_FOUND, CareError.BAD_TRANSITION})
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public CareRequestView triage(@PathParam("id") UUID id, Triage req) {
        return requests.triage(caller.get(), id, req);
    }

    @POST
    @Path("/{id}/assign")
    @Operation(summary = "TRIAGED → ASSIGNED to an approved volunteer of the community or a grid worker of the household")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @CareError.Refusals({CareError.ASSIGNEE_NOT_ELIGIBLE, CareError.CARE_REQUEST_NOT_FOUND, CareError.BAD_TRANSITION})
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public CareRequestView assign(@PathParam("id") UUID id, Assign req) {
        return requests.assign(caller.get(), id, req);
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "ASSIGNED → ACCEPTED, by the assignee")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @CareError.Refusals({CareError.CARE_REQUEST_NOT_FOUND, CareError.BAD_TRANSITION})
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public CareRequestView accept(@PathParam("id") UUID id) {
        return requests.accept(caller.get(), id);
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "ACCEPTED → COMPLETED with a note, by the assignee")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @CareError.Refusals({CareError.CARE_REQUEST_NOT_FOUND, CareError.BAD_TRANSITION})
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public CareRequestView complete(@PathParam("id") UUID id, Complete req) {
        return requests.complete(caller.get(), id, req);
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(summary = "COMPLETED → CONFIRMED with a rating of 1 to 5, by the requesting household")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @CareError.Refusals({CareError.CARE_REQUEST_NOT_FOUND, CareError.BAD_TRANSITION})
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public CareRequestView confirm(@PathParam("id") UUID id, Confirm req) {
        return requests.confirm(caller.get(), id, req);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel while SUBMITTED, TRIAGED or ASSIGNED (the household, or staff in scope)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @CareError.Refusals({CareError.CARE_REQUEST_NOT_FOUND, CareError.BAD_TRANSITION})
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public CareRequestView cancel(@PathParam("id") UUID id) {
        return requests.cancel(caller.get(), id);
    }
}
