package org.tongxin.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * One bucket of a product's stock in a window: how much it holds and how much is left. Taken by
 * {@code place_order}, given back by {@code cancel_order} (V33), never changed through this entity.
 */
@Entity
@Table(name = "window_stock")
@IdClass(WindowStock.Key.class)
public class WindowStock {

    /** Window, product and bucket. */
    public record Key(UUID windowId, UUID productId, short bucket) implements Serializable {
        public Key() {
            this(null, null, (short) 0);
        }
    }

    @Id
    @Column(name = "window_id")
    private UUID windowId;
    @Id
    @Column(name = "product_id")
    private UUID productId;
    @Id
    private short bucket;
    private int quantity;
    private int remaining;

    protected WindowStock() {}
}
