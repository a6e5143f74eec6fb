package org.tongxin.order;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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
import org.tongxin.common.Created;
import org.tongxin.common.PlaceError;
import org.tongxin.privacy.PrivacyError;
import org.tongxin.order.OrderDtos.*;

/** docs/orders.md: products, ordering windows and the catalogue. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders and supply")
@SecurityRequirement(name = "bearer")
public class CatalogResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";

    private final CatalogService catalog;
    private final WindowSummaryService summaries;
    private final CurrentCaller caller;

    CatalogResource(CatalogService catalog, WindowSummaryService summaries, CurrentCaller caller) {
        this.catalog = catalog;
        this.summaries = summaries;
        this.caller = caller;
    }

    @POST
    @Path("/products")
    @Operation(summary = "Add a product (package) a community sells (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @OrderError.Refusals(OrderError.PRODUCT_NAME_TAKEN)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProductView.class)))
    public Response createProduct(CreateProduct req) {
        ProductView view = catalog.createProduct(caller.get(), req);
        return Created.at("/api/products/" + view.id(), view);
    }

    @POST
    @Path("/ordering-windows")
    @Operation(summary = "Open an ordering window with stock per product (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    @OrderError.Refusals({OrderError.PRODUCT_ELSEWHERE, OrderError.PRODUCT_NOT_FOUND})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WindowView.class)))
    public Response createWindow(CreateWindow req) {
        WindowView view = catalog.createWindow(caller.get(), req);
        return Created.at("/api/ordering-windows/" + view.id(), view);
    }

    @GET
    @Path("/products")
    @Operation(summary = "The community's products (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    public List<ProductView> products(@QueryParam("communityId") @NotNull UUID communityId) {
        return catalog.products(caller.get(), communityId);
    }

    @GET
    @Path("/ordering-windows")
    @Operation(summary = "The community's latest 20 ordering windows, newest first (COMMUNITY_STAFF)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    public List<WindowView> windows(@QueryParam("communityId") @NotNull UUID communityId) {
        return catalog.windows(caller.get(), communityId, 20);
    }

    @GET
    @Path("/ordering-windows/{id}/stock")
    @Operation(summary = "What a window sells and what is left of each product (COMMUNITY_STAFF of its community)")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @OrderError.Refusals(OrderError.WINDOW_NOT_FOUND)
    public List<CatalogItem> stock(@PathParam("id") UUID windowId) {
        return catalog.stock(caller.get(), windowId);
    }

    @GET
    @Path("/catalog")
    @Operation(summary = "The community's open ordering window and what is left of each product: for its residents, "
            + "volunteers and suppliers, and staff whose scope reaches it")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @PlaceError.Refusals(PlaceError.COMMUNITY_NOT_FOUND)
    public Catalog catalog(@QueryParam("communityId") @NotNull UUID communityId) {
        return catalog.catalog(caller.get(), communityId);
    }

    @GET
    @Path("/ordering-windows/{id}/summary")
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX})
    @Operation(summary = "A window's orders by building and product with the purchase list (JSON), or the delivery sheet "
            + "by building and room with a blank 签收 column (?format=csv or Accept: text/csv; ?format=xlsx adds the purchase "
            + "list as a second sheet). COMMUNITY_STAFF of the community, or a SUPPLIER serving it, whose sheets have one "
            + "line per building and product and no rooms, modes or notes")
    @CommonError.Refusals(CommonError.FORBIDDEN)
    @OrderError.Refusals(OrderError.WINDOW_NOT_FOUND)
    @APIResponse(responseCode = "200", description = "OK", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WindowSummary.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @PrivacyError.Refusals(PrivacyError.AUDIT_UNAVAILABLE)
    public Response summary(@PathParam("id") UUID windowId,
                            @QueryParam("format") @Pattern(regexp = "json|csv|xlsx") String format,
                            @QueryParam("groupBy") @Pattern(regexp = "building") String groupBy,
                            @HeaderParam("Accept") String accept) {
        String wanted = format != null ? format : accept != null && accept.contains(CSV) ? "csv" : "json";
        return switch (wanted) {
            case "csv" -> Response.ok(summaries.csv(caller.get(), windowId), CSV + ";charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"window-" + windowId + ".csv\"").build();
            case "xlsx" -> Response.ok(summaries.xlsx(caller.get(), windowId), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"window-" + windowId + ".xlsx\"").build();
            default -> Response.ok(summaries.summary(caller.get(), windowId), MediaType.APPLICATION_JSON).build();
        };
    }
}
