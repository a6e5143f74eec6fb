package org.tongxin.rounds;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.CurrentCaller;
import org.tongxin.common.CommonError;
import org.tongxin.common.Created;
import org.tongxin.common.Page;
import org.tongxin.common.PlaceError;
import org.tongxin.privacy.PrivacyError;
import org.tongxin.rounds.RoundsDtos.*;

/** docs/testing-rounds.md: the people of a household, their testing codes, and who looks after the household. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Testing rounds")
@SecurityRequirement(name = "bearer")
public class HouseholdMemberResource {

    static final String PDF = "application/pdf";

    private final MemberService members;
    private final CaretakerService caretakers;
    private final SheetService sheets;
    private final CurrentCaller caller;

    HouseholdMemberResource(MemberService members, CaretakerService caretakers, SheetService sheets, CurrentCaller caller) {
        this.members = members;
        this.caretakers = caretakers;
        this.sheets = sheets;
        this.caller = caller;
    }

    @POST
    @Path("/households/{id}/members")
    @Operation(summary = "Add a person of the household to be tested (its residents, its caretaker volunteer, grid workers and staff "
            + "in scope)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.HOUSEHOLD_NOT_FOUND)
    @RoundsError.Refusals(RoundsError.HOUSEHOLD_MEMBERS_FULL)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MemberView.class)))
    public Response add(@PathParam("id") UUID householdId, AddMember req) {
        MemberView view = members.add(caller.get(), householdId, req);
        return Created.at("/api/households/" + householdId + "/members", view);
    }

    @GET
    @Path("/households/{id}/members")
    @Operation(summary = "The household's people, names masked, and whether each has a testing code (the same people as above)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.HOUSEHOLD_NOT_FOUND)
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public List<MemberView> list(@PathParam("id") UUID householdId) {
        return members.of(caller.get(), householdId);
    }

    @PUT
    @Path("/household-members/{id}/testing-code")
    @Operation(summary = "Store the text of a member's provincial testing QR code, sealed; it is never shown again, only printed on "
            + "the household's sheet (the same people as above)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @RoundsError.Refusals(RoundsError.MEMBER_NOT_FOUND)
    @APIResponse(responseCode = "204", description = "Stored; no body")
    public Response setTestingCode(@PathParam("id") UUID memberId, SetTestingCode req) {
        members.setTestingCode(caller.get(), memberId, req);
        return Response.noContent().build();
    }

    @PUT
    @Path("/households/{id}/caretaker")
    @Operation(summary = "Make an approved volunteer of the community the household's caretaker (包户), replacing any other "
            + "(grid worker or staff in scope)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.HOUSEHOLD_NOT_FOUND)
    @RoundsError.Refusals({RoundsError.VOLUNTEER_NOT_FOUND, RoundsError.CARETAKER_FULL})
    public CaretakerView assign(@PathParam("id") UUID householdId, AssignCaretaker req) {
        return caretakers.assign(caller.get(), householdId, req);
    }

    @DELETE
    @Path("/households/{id}/caretaker")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "The household no longer has a caretaker (grid worker or staff in scope)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.HOUSEHOLD_NOT_FOUND)
    @APIResponse(responseCode = "204", description = "Done; no body")
    public Response unassign(@PathParam("id") UUID householdId) {
        caretakers.unassign(caller.get(), householdId);
        return Response.noContent().build();
    }

    @GET
    @Path("/volunteers/me/households")
    @Operation(summary = "The households I look after (包户), with their people")
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Page<HouseholdMembers> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return members.lookedAfter(caller.get(), page, size);
    }

    @GET
    @Path("/households/{id}/sheet.pdf")
    @Produces(PDF)
    @Operation(summary = "The household's sheet: one A4 page with each member's testing code as a QR code and the household's "
            + "check-in QR (its residents, its caretaker, grid workers and staff in scope)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.HOUSEHOLD_NOT_FOUND)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Response householdSheet(@PathParam("id") UUID householdId) {
        return pdf(sheets.household(caller.get(), householdId));
    }

    @GET
    @Path("/grids/{id}/sheets.pdf")
    @Produces(PDF)
    @Operation(summary = "A lane's stack of household sheets in walking order, one page each (grid workers and staff in scope)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.GRID_NOT_FOUND)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Response gridSheets(@PathParam("id") UUID gridId) {
        return pdf(sheets.grid(caller.get(), gridId));
    }

    @GET
    @Path("/buildings/{id}/sheets.pdf")
    @Produces(PDF)
    @Operation(summary = "A building's stack of household sheets in room order, one page each (grid workers and staff in scope)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.BUILDING_NOT_FOUND)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Response buildingSheets(@PathParam("id") UUID buildingId) {
        return pdf(sheets.building(caller.get(), buildingId));
    }

    private static Response pdf(SheetService.Sheet sheet) {
        return Response.ok(sheet.pdf(), PDF).header("Content-Disposition", "attachment; filename=\"" + sheet.filename() + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
