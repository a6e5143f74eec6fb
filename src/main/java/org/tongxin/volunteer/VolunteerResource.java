package org.tongxin.volunteer;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.CurrentCaller;
import org.tongxin.common.CommonError;
import org.tongxin.common.Created;
import org.tongxin.common.Page;
import org.tongxin.common.PlaceError;
import org.tongxin.privacy.PrivacyError;
import org.tongxin.volunteer.VolunteerDtos.*;

/** docs/shifts.md: applications, decisions, the directory and the volunteer's own page. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Volunteers")
@SecurityRequirement(name = "bearer")
public class VolunteerResource {

    private final VolunteerService volunteers;
    private final CurrentCaller caller;

    VolunteerResource(VolunteerService volunteers, CurrentCaller caller) {
        this.volunteers = volunteers;
        this.caller = caller;
    }

    @POST
    @Path("/volunteer-applications")
    @Operation(summary = "Apply to volunteer in a community")
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @VolunteerError.Refusals(VolunteerError.APPLICATION_EXISTS)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApplicationView.class)))
    public Response apply(Apply req) {
        ApplicationView view = volunteers.apply(caller.get(), req);
        return Created.at("/api/volunteer-applications/" + view.id(), view);
    }

    @GET
    @Path("/volunteer-applications")
    @Operation(summary = "Applications of a community (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Page<ApplicationView> applications(@QueryParam("communityId") @NotNull UUID communityId,
                                              @QueryParam("status") Volunteer.Status status,
                                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return volunteers.applications(caller.get(), communityId, status, page, size);
    }

    @POST
    @Path("/volunteer-applications/{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve (COMMUNITY_STAFF); optional body {team}")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @VolunteerError.Refusals({VolunteerError.APPLICATION_NOT_FOUND, VolunteerError.APPLICATION_NOT_PENDING})
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public ApplicationView approve(@PathParam("id") UUID id, @RequestBody(required = false) Approve req) {
        return volunteers.approve(caller.get(), id, req);
    }

    @POST
    @Path("/volunteer-applications/{id}/reject")
    @Operation(summary = "Reject with a reason (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @VolunteerError.Refusals({VolunteerError.APPLICATION_NOT_FOUND, VolunteerError.APPLICATION_NOT_PENDING})
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public ApplicationView reject(@PathParam("id") UUID id, Reject req) {
        return volunteers.reject(caller.get(), id, req);
    }

    @GET
    @Path("/volunteers")
    @Operation(summary = "Approved volunteers of a community, by team and skill (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Page<ApplicationView> directory(@QueryParam("communityId") @NotNull UUID communityId,
                                           @QueryParam("team") String team,
                                           @QueryParam("skill") Skill skill,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return volunteers.directory(caller.get(), communityId, team, skill, page, size);
    }

    @GET
    @Path("/volunteers/me")
    @Operation(summary = "My volunteer status, service minutes and upcoming shifts")
    @VolunteerError.Refusals(VolunteerError.NOT_A_VOLUNTEER)
    public MyVolunteer me() {
        return volunteers.me(caller.get());
    }
}
