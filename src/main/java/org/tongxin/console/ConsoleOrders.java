package org.tongxin.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.common.ApiException;
import org.tongxin.common.TimeConfig;
import org.tongxin.order.CatalogService;
import org.tongxin.order.OrderDtos.WindowSummary;
import org.tongxin.order.OrderDtos.WindowView;
import org.tongxin.order.OrderError;
import org.tongxin.order.WindowSummaryService;

/**
 * The orders page (docs/console.md): the community's latest ordering windows, and for the one
 * picked the summary by building, the purchase list per supplier and the two sheets to download —
 * all from the order feature's services, so what staff see and download is what the API answers.
 */
@ApplicationScoped
class ConsoleOrders {

    /** The windows to pick from, the one picked (null: none yet), its summary and its orders per hour as a chart. */
    @RegisterForReflection
    record Orders(List<WindowView> windows, WindowView chosen, WindowSummary summary, String perHourChart) {}

    private final CatalogService catalog;
    private final WindowSummaryService summaries;
    private final TimeConfig time;

    ConsoleOrders(CatalogService catalog, WindowSummaryService summaries, TimeConfig time) {
        this.catalog = catalog;
        this.summaries = summaries;
        this.time = time;
    }

    Orders orders(Caller caller, UUID communityId, UUID asked) {
        List<WindowView> windows = catalog.windows(caller, communityId, 20);
        if (asked != null && windows.stream().noneMatch(w -> w.id().equals(asked))) {
            throw new ApiException(OrderError.WINDOW_NOT_FOUND); // not among this community's latest
        }
        if (windows.isEmpty()) {
            return new Orders(windows, null, null, null);
        }
        WindowView chosen = asked == null ? windows.get(0) : windows.stream().filter(w -> w.id().equals(asked)).findFirst().orElseThrow();
        return new Orders(windows, chosen, summaries.summary(caller, chosen.id()),
                ConsoleCharts.ordersPerHour(summaries.perHour(caller, chosen.id()), chosen.opensAt(), chosen.closesAt(), time.zone()));
    }

    String csv(Caller caller, UUID windowId) {
        return summaries.csv(caller, windowId);
    }

    byte[] xlsx(Caller caller, UUID windowId) {
        return summaries.xlsx(caller, windowId);
    }
}
