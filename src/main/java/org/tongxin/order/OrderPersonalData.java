package org.tongxin.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import org.tongxin.privacy.DataSubject;
import org.tongxin.privacy.PersonalCopy;
import org.tongxin.privacy.PersonalData;

/**
 * Orders (docs/privacy.md). The copy lists the household's orders and any the person placed for a
 * household they have since left (without its pickup code, which is that household's). The
 * erasure keeps the orders, for the window's accounts and the household's deliveries, and removes
 * the notes the person wrote on them (a note can say who is at home and why); they point at the
 * anonymous account from then on.
 */
@ApplicationScoped
class OrderPersonalData implements PersonalData {

    private final OrderRepository orders;
    private final OrderViews views;

    OrderPersonalData(OrderRepository orders, OrderViews views) {
        this.orders = orders;
        this.views = views;
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
}
