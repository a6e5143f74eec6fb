package org.tongxin.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.DataSubject;
import org.tongxin.privacy.PersonalCopy;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;

/**
 * Orders (docs/privacy.md). The copy lists the household's orders and any the person placed for a
 * household they have since left (without its pickup code, which is that household's). The erasure
 * keeps the orders, for the window's accounts and the household's deliveries, and removes the notes
 * the person wrote on them (a note can say who is at home and why); they point at the anonymous
 * account from then on. A stand-down removes the notes of the scope's orders; orders per day are kept.
 */
@ApplicationScoped
class OrderPersonalData implements PersonalData {

    private final OrderRepository orders;
    private final OrderViews views;
    private final Clock clock;

    OrderPersonalData(OrderRepository orders, OrderViews views, Clock clock) {
        this.orders = orders;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public void export(DataSubject who, PersonalCopy copy) {
        copy.put("orders", orders.placedByOrFor(who.userId(), who.householdId()).stream()
                .map(o -> views.of(o, Objects.equals(o.getHouseholdId(), who.householdId()))).toList());
    }

    @Override
    public void erase(DataSubject who) {
        orders.dropNotesOf(who.userId());
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
