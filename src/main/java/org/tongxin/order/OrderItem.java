package org.tongxin.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One product in an order, at the price it had when ordered. */
@Entity
@Table(name = "order_item")
@IdClass(OrderItem.Key.class)
public class OrderItem {

    /** Order and product. */
    public record Key(UUID orderId, UUID productId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "order_id")
    private UUID orderId;
    @Id
    @Column(name = "product_id")
    private UUID productId;
    private int quantity;
    @Column(name = "price_fen")
    private int priceFen;

    protected OrderItem() {}
}
