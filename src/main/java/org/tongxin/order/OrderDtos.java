package org.tongxin.order;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tongxin.common.PlausibleDate;
import org.tongxin.common.SafeText;

/** Request and response records of the catalogue and order API (docs/orders.md). */
@RegisterForReflection
public final class OrderDtos {

    private OrderDtos() {}

    public record CreateProduct(@NotNull UUID communityId,
                                @NotBlank @Size(max = 64) @SafeText String name,
                                @NotNull Product.Kind kind,
                                @NotNull @Min(0) @Max(10_000_000) Integer priceFen,
                                @NotBlank @Size(max = 16) @SafeText String unit,
                                @NotNull @Min(1) @Max(1000) Integer perHouseholdLimit,
                                @Size(max = 64) @SafeText String supplier) {}

    public record ProductView(UUID id, UUID communityId, String name, Product.Kind kind, int priceFen, String unit,
                              int perHouseholdLimit, @Schema(nullable = true) String supplier) {
        static ProductView from(Product p) {
            return new ProductView(p.getId(), p.getCommunityId(), p.getName(), p.getKind(), p.getPriceFen(), p.getUnit(),
                    p.getPerHouseholdLimit(), p.getSupplier());
        }
    }

    public record StockLine(@NotNull UUID productId, @NotNull @Min(0) @Max(1_000_000) Integer quantity) {}

    public record CreateWindow(@NotNull UUID communityId,
                               @NotNull @PlausibleDate OffsetDateTime opensAt,
                               @NotNull @PlausibleDate OffsetDateTime closesAt,
                               @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid StockLine> stock,
                               @Schema(description = "Rows each product's stock is split over, so that parallel orders take from "
                                       + "different rows (default: the service's setting, 32)", minimum = "1", maximum = "64",
                                       nullable = true)
                               @Min(1) @Max(64) Integer stockBuckets) {}

    public record WindowView(UUID id, UUID communityId, OffsetDateTime opensAt, OffsetDateTime closesAt, int stockBuckets) {
        static WindowView from(OrderingWindow w) {
            return new WindowView(w.getId(), w.getCommunityId(), w.getOpensAt(), w.getClosesAt(), w.getStockBuckets());
        }
    }

    /** A product on sale in a window, with what is left of it. */
    public record CatalogItem(UUID productId, String name, Product.Kind kind, int priceFen, String unit, int remaining,
                              int perHouseholdLimit) {}

    /** The open window of a community, if any, and what it sells. */
    public record Catalog(@Schema(nullable = true) WindowView window, List<CatalogItem> items) {}

    public record OrderLine(@NotNull UUID productId, @NotNull @Min(1) @Max(1000) Integer quantity) {}

    public record PlaceOrder(@NotNull UUID windowId,
                             @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid OrderLine> items,
                             @Size(max = 200) @SafeText String note) {}

    public record OrderItemView(UUID productId, String name, int quantity, int priceFen) {}

    /** One step in an order's life: placed, batched, through the zones, handed over (or cancelled). */
    public record OrderEvent(String step, OffsetDateTime at) {}

    /** An order; {@code pickupCode} is shown to its household only. */
    public record OrderView(UUID id, UUID windowId, UUID householdId, ResidentOrder.Status status, long totalFen,
                            List<OrderItemView> items, ResidentOrder.DeliveryMode deliveryMode,
                            @Schema(nullable = true) String pickupCode, @Schema(nullable = true) String note,
                            OffsetDateTime createdAt, @Schema(nullable = true) UUID batchId,
                            @Schema(nullable = true) UUID pickupSlotId, List<OrderEvent> history) {}

    /** Slots of {@code minutes} each from {@code from} to {@code to} (service-zone times) on {@code date}. */
    public record GenerateSlots(@NotNull @PlausibleDate LocalDate date,
                                @NotNull @Min(0) @Max(23) Integer fromHour, @NotNull @Min(1) @Max(24) Integer toHour,
                                @NotNull @Min(5) @Max(240) Integer minutes, @NotNull @Min(1) @Max(1000) Integer capacity) {}

    public record SlotsGenerated(int created) {}

    public record SlotView(UUID id, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity, int taken) {}

    public record PickSlot(@NotNull UUID slotId) {}

    /** How many live orders a window took in one hour (the hour's start). */
    public record HourCount(OffsetDateTime hour, long orders) {}

    /** One line of a live order, as the summaries read it. */
    public record OrderLineRow(UUID householdId, UUID productId, String productName, String unit, String supplier,
                               int quantity, int priceFen, ResidentOrder.DeliveryMode deliveryMode, String note) {}

    /** How much of a product a building's households ordered. */
    public record BuildingLine(UUID buildingId, String buildingName, UUID productId, String productName, int quantity) {}

    /** The purchase list line (集采): how much of a product the window's households ordered, and its worth. */
    public record ProductTotal(UUID productId, String productName, String unit, @Schema(nullable = true) String supplier,
                               int quantity, long amountFen) {}

    /** What the community buys from one supplier (null: products without one), and what it comes to. */
    public record PurchaseList(@Schema(nullable = true) String supplier, List<ProductTotal> lines, long amountFen) {}

    /** A window's orders by building and product, the totals per product, and those totals split per supplier. */
    public record WindowSummary(UUID windowId, List<BuildingLine> byBuilding, List<ProductTotal> totals,
                                List<PurchaseList> purchaseLists) {}

    /** One printed line of the delivery sheet: building, room, product, quantity, mode, note; signed on paper. */
    public record SheetRow(String building, String room, String product, int quantity, String deliveryMode, String note) {}

    public record CreateBatch(@NotNull UUID windowId) {}

    /** A batch and when it passed each zone; {@code releasableAt} is when the rest after disinfection ends. */
    public record BatchView(UUID id, UUID windowId, Batch.Status status, int orderCount, OffsetDateTime createdAt,
                            @Schema(nullable = true) OffsetDateTime arrivedAt,
                            @Schema(nullable = true) OffsetDateTime disinfectedAt,
                            @Schema(nullable = true) OffsetDateTime storedAt,
                            @Schema(nullable = true) OffsetDateTime releasedAt,
                            @Schema(nullable = true) OffsetDateTime releasableAt) {}

    /** The code the household shows at the pickup zone. */
    public record Pickup(@NotBlank @Size(max = 6) @SafeText String pickupCode) {}
}
