package org.tongxin.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The console's orders page (docs/console.md): windows, the summary by building, purchase lists, the sheets. Not in the OpenAPI document. */
@Path("/console/orders")
@Produces(MediaType.TEXT_HTML)
public class ConsoleOrderPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @CheckedTemplate(basePath = "ConsolePages")
    static class Templates {
        static native TemplateInstance orders(ConsoleFrame.Frame frame, ConsoleOrders.Orders orders);
    }

    private final ConsoleRequests requests;
    private final ConsoleFrame frames;
    private final ConsoleOrders orders;

    ConsoleOrderPages(ConsoleRequests requests, ConsoleFrame frames, ConsoleOrders orders) {
        this.requests = requests;
        this.frames = frames;
        this.orders = orders;
    }

    @GET
    @Operation(hidden = true)
    public Response orders(@CookieParam(ConsoleRequests.SESSION_COOKIE) String token, @QueryParam("community") UUID community,
                           @QueryParam("window") UUID window) {
        return requests.page(token, s -> {
            ConsoleFrame.Frame frame = frames.of(s, community, "orders");
            return Response.ok(Templates.orders(frame, orders.orders(s.caller(), frame.communityId(), window))).build();
        });
    }

    /** The delivery sheet as CSV (one row per household and product, with room and note), as the API's summary answers it. */
    @GET
    @Path("/{window}/sheet.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response csv(@CookieParam(ConsoleRequests.SESSION_COOKIE) String token, @PathParam("window") UUID window) {
        return requests.page(token, s -> Response.ok(orders.csv(s.caller(), window), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"delivery-" + window + ".csv\"").build());
    }

    /** The delivery sheet and the purchase lists as an XLSX workbook. */
    @GET
    @Path("/{window}/sheet.xlsx")
    @Produces(XLSX)
    @Operation(hidden = true)
    public Response xlsx(@CookieParam(ConsoleRequests.SESSION_COOKIE) String token, @PathParam("window") UUID window) {
        return requests.page(token, s -> Response.ok(orders.xlsx(s.caller(), window), XLSX)
                .header("Content-Disposition", "attachment; filename=\"delivery-" + window + ".xlsx\"").build());
    }
}
