package org.tongxin.notice;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tongxin.auth.CurrentCaller;
import org.tongxin.common.CommonError;
import org.tongxin.notice.NoticeDtos.Subscribe;
import org.tongxin.notice.NoticeDtos.Subscribed;

/** docs/notices.md: the resident accepted one subscribe message in the mini-program. */
@Path("/api/me/subscriptions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices")
@SecurityRequirement(name = "bearer")
public class SubscriptionResource {

    private final SubscriptionService subscriptions;
    private final CurrentCaller caller;

    SubscriptionResource(SubscriptionService subscriptions, CurrentCaller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Record that I accepted one subscribe message of the template (wx.requestSubscribeMessage said accept); "
            + "only the template notices are sent as, at most 50 unused kept")
    @CommonError.Refusals(CommonError.VALIDATION_FAILED)
    @NoticeError.Refusals(NoticeError.TEMPLATE_NOT_OFFERED)
    public Subscribed accept(Subscribe req) {
        return subscriptions.accept(caller.get(), req);
    }
}
