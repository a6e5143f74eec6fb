package org.tongxin.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** How much of a product a window offers and how much is left; changed only by {@link WindowRepository}'s updates. */
@Entity
@Table(name = "window_stock")
@IdClass(WindowStock.Key.class)
public class WindowStock {

    /** Window and product. */
    public record Key(UUID windowId, UUID productId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "window_id")
    private UUID windowId;
    @Id
    @Column(name = "product_id")
    private UUID productId;
    private int quantity;
    private int remaining;

    protected WindowStock() {}
}
