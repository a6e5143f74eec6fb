-- Staggered pickup (错峰取物) for MEDIUM-risk communities: slots with a capacity, taken by a
-- conditional update so that parallel picks never overfill one.
CREATE TABLE pickup_slot (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES community (id),
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    capacity      integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    taken         integer NOT NULL DEFAULT 0,
    CHECK (taken BETWEEN 0 AND capacity),
    CHECK (ends_at > starts_at),
    UNIQUE (community_id, starts_at)
);
ALTER TABLE resident_order ADD COLUMN pickup_slot_id uuid REFERENCES pickup_slot (id);
