-- Delivery batches through the three zones at the gate (缓冲消杀区 → 物资存放区 → 物资领取区), and
-- the hand-over of each order at the door or at pickup.
CREATE TABLE batch (
    id               uuid PRIMARY KEY,
    window_id        uuid NOT NULL REFERENCES ordering_window (id),
    status           varchar(16) NOT NULL CHECK (status IN ('CREATED', 'ARRIVED', 'DISINFECTED', 'STORED', 'RELEASED')),
    order_count      integer NOT NULL,
    created_by       uuid NOT NULL REFERENCES app_user (id),
    created_at       timestamptz NOT NULL,
    arrived_at       timestamptz,
    arrived_by       uuid REFERENCES app_user (id),
    disinfected_at   timestamptz,
    disinfected_by   uuid REFERENCES app_user (id),
    stored_at        timestamptz,
    stored_by        uuid REFERENCES app_user (id),
    released_at      timestamptz,
    released_by      uuid REFERENCES app_user (id)
);
CREATE INDEX batch_window ON batch (window_id);

ALTER TABLE resident_order DROP CONSTRAINT resident_order_status_check;
ALTER TABLE resident_order ADD CONSTRAINT resident_order_status_check
    CHECK (status IN ('PLACED', 'CANCELLED', 'BATCHED', 'READY', 'DELIVERED', 'PICKED_UP'));
ALTER TABLE resident_order
    ADD COLUMN batch_id uuid REFERENCES batch (id),
    ADD COLUMN handed_over_at timestamptz,
    ADD COLUMN handed_over_by uuid REFERENCES app_user (id);
CREATE INDEX resident_order_batch ON resident_order (batch_id);
