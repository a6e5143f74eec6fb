package org.tongxin.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.PurgeScope;
import org.tongxin.privacy.Retention;

/**
 * Orders (docs/privacy.md, stand-down): the purge removes the notes residents wrote on the scope's
 * orders; the orders stay, with items, totals and steps (orders per window and day are kept).
 */
@ApplicationScoped
class OrderRetention implements Retention {

    private final OrderRepository orders;
    private final Clock clock;

    OrderRetention(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public List<Step> purgeSteps() {
        return List.of(new Step("ORDER_NOTES", AuditKind.ORDER_NOTE, orders::notesIn, orders::purgeNotes));
    }

    @Override
    public List<Kept> kept(PurgeScope scope) {
        return orders.perDay(scope, clock.getZone());
    }
}
