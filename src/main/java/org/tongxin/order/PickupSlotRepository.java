package org.tongxin.order;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.tongxin.order.OrderDtos.SlotView;

/** Pickup slots; {@code taken} changes only through the conditional updates here. */
@ApplicationScoped
public class PickupSlotRepository {

    private final EntityManager em;

    PickupSlotRepository(EntityManager em) {
        this.em = em;
    }

    /** Creates a slot unless the community has one starting then; true when created. */
    public boolean insertIfAbsent(UUID communityId, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity) {
        return em.createNativeQuery("""
                INSERT INTO pickup_slot (id, community_id, starts_at, ends_at, capacity) VALUES (:id, :c, :s, :e, :cap)
                ON CONFLICT (community_id, starts_at) DO NOTHING""")
                .setParameter("id", UUID.randomUUID()).setParameter("c", communityId).setParameter("s", startsAt)
                .setParameter("e", endsAt).setParameter("cap", capacity).executeUpdate() == 1;
    }

    public List<SlotView> ofCommunity(UUID communityId, OffsetDateTime from, OffsetDateTime to) {
        return em.createQuery("""
                select s.id, s.startsAt, s.endsAt, s.capacity, s.taken from PickupSlot s
                where s.communityId = :c and s.startsAt >= :from and s.startsAt < :to order by s.startsAt""", SlotView.class)
                .setParameter("c", communityId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** One more household in the slot if it has room, belongs to the community and has not started. */
    public boolean take(UUID slotId, UUID communityId, OffsetDateTime now) {
        return em.createNativeQuery("""
                UPDATE pickup_slot SET taken = taken + 1
                WHERE id = :id AND community_id = :c AND taken < capacity AND starts_at > :now""")
                .setParameter("id", slotId).setParameter("c", communityId).setParameter("now", now).executeUpdate() == 1;
    }

    /** Locks the slots (nulls ignored) in id order, for an update of both that must not deadlock with another. */
    public void lockInOrder(UUID first, UUID second) {
        List<UUID> ids = Stream.of(first, second).filter(Objects::nonNull).toList();
        em.createNativeQuery("SELECT id FROM pickup_slot WHERE id IN (:ids) ORDER BY id FOR NO KEY UPDATE")
                .setParameter("ids", ids).getResultList();
    }

    public void free(UUID slotId) {
        em.createNativeQuery("UPDATE pickup_slot SET taken = taken - 1 WHERE id = :id AND taken > 0")
                .setParameter("id", slotId).executeUpdate();
    }

    /** Points the order at the slot (its row is already locked by the caller, who frees the slot it held). */
    public void assign(UUID orderId, UUID slotId) {
        em.createNativeQuery("UPDATE resident_order SET pickup_slot_id = :s WHERE id = :o")
                .setParameter("s", slotId).setParameter("o", orderId).executeUpdate();
    }

    public SlotState state(UUID slotId) {
        return em.createQuery("select s.communityId, s.startsAt, s.taken, s.capacity from PickupSlot s where s.id = :id",
                SlotState.class).setParameter("id", slotId).getResultStream().findFirst().orElse(null);
    }

    /** What decides why a slot could not be taken. */
    @RegisterForReflection
    public record SlotState(UUID communityId, OffsetDateTime startsAt, int taken, int capacity) {}
}
