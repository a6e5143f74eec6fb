package org.tongxin.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.common.ApiException;
import org.tongxin.common.TimeConfig;
import org.tongxin.order.CatalogService;
import org.tongxin.order.OrderDtos.CatalogItem;
import org.tongxin.order.OrderDtos.ProductView;
import org.tongxin.order.OrderDtos.WindowSummary;
import org.tongxin.order.OrderDtos.WindowView;
import org.tongxin.order.OrderError;
import org.tongxin.order.WindowSummaryService;

/**
 * The orders page (docs/console.md): the community's products and latest ordering windows, and for
 * the one picked its stock, the summary by building, the purchase list per supplier, the two sheets
 * to download and (once closed) the button that makes its orders a delivery batch —
 * all from the order feature's services, so what staff see and download is what the API answers.
 */
@ApplicationScoped
class ConsoleOrders {

    /**
     * The community's products; the windows to pick from, the one picked (null: none yet), whether it
     * has closed (a batch can be made of it then), what it sells with what is left, its summary and its
     * orders per hour as a chart.
     */
    @RegisterForReflection
    record Orders(List<ProductView> products, List<WindowView> windows, WindowView chosen, boolean closed, List<CatalogItem> stock,
                  WindowSummary summary, String perHourChart) {}

    private final CatalogService catalog;
    private final WindowSummaryService summaries;
    private final TimeConfig time;
    private final Clock clock;

    ConsoleOrders(CatalogService catalog, WindowSummaryService summaries, TimeConfig time, Clock clock) {
        this.catalog = catalog;
        this.summaries = summaries;
        this.time = time;
        this.clock = clock;
    }

    Orders orders(Caller caller, UUID communityId, UUID asked) {
        List<WindowView> windows = catalog.windows(caller, communityId, 20);
        if (asked != null && windows.stream().noneMatch(w -> w.id().equals(asked))) {
            throw new ApiException(OrderError.WINDOW_NOT_FOUND); // not among this community's latest
        }
        List<ProductView> products = catalog.products(caller, communityId);
        if (windows.isEmpty()) {
            return new Orders(products, windows, null, false, List.of(), null, null);
        }
        WindowView chosen = asked == null ? windows.get(0) : windows.stream().filter(w -> w.id().equals(asked)).findFirst().orElseThrow();
        return new Orders(products, windows, chosen, !OffsetDateTime.now(clock).isBefore(chosen.closesAt()), catalog.stock(caller, chosen.id()),
                summaries.summary(caller, chosen.id()),
                ConsoleCharts.ordersPerHour(summaries.perHour(caller, chosen.id()), chosen.opensAt(), chosen.closesAt(), time.zone()));
    }

    String csv(Caller caller, UUID windowId) {
        return summaries.csv(caller, windowId);
    }

    byte[] xlsx(Caller caller, UUID windowId) {
        return summaries.xlsx(caller, windowId);
    }
}
