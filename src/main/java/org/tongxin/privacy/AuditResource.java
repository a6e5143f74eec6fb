package org.tongxin.privacy;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.CurrentCaller;
import org.tongxin.common.CommonError;
import org.tongxin.common.Page;
import org.tongxin.common.PlausibleDate;
import org.tongxin.privacy.AuditDtos.AuditPage;
import org.tongxin.privacy.AuditDtos.Verification;

/** docs/privacy.md: the access audit, for district admins. */
@Path("/api/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    static final String CSV = "text/csv";

    private final AuditService audit;
    private final CurrentCaller caller;

    AuditResource(AuditService audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Audit records of reads and writes of personal data, oldest first, filtered by who read (actorId), "
            + "whose data (subjectId), kind and time [from, to); ?format=csv exports up to 100,000 of them, and the export is "
            + "recorded too (DISTRICT_ADMIN)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response query(@QueryParam("actorId") UUID actorId, @QueryParam("subjectId") UUID subjectId,
                          @QueryParam("kind") AuditKind kind, @QueryParam("from") @PlausibleDate OffsetDateTime from,
                          @QueryParam("to") @PlausibleDate OffsetDateTime to,
                          @QueryParam("format") @Pattern(regexp = "json|csv") String format,
                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        if ("csv".equals(format)) {
            return Response.ok(audit.csv(caller.get(), actorId, subjectId, kind, from, to), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
        }
        return Response.ok(AuditPage.of(audit.query(caller.get(), actorId, subjectId, kind, from, to, page, size)),
                MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Walks the audit's hash chain and reports the first record that was edited, removed or slipped in, "
            + "and the chain's head to write down elsewhere (DISTRICT_ADMIN)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    public Verification verify() {
        return audit.verify(caller.get());
    }
}
