-- Resident orders (居民订购): products per community, ordering windows with stock, orders.
-- Stock and per-household limits are counters changed only by conditional updates.
CREATE TABLE product (
    id                   uuid PRIMARY KEY,
    community_id         uuid NOT NULL REFERENCES community (id),
    name                 varchar(64) NOT NULL,
    kind                 varchar(16) NOT NULL CHECK (kind IN ('MEAT_VEG', 'VEG', 'RICE_FLOUR', 'OTHER')),
    price_fen            integer NOT NULL CHECK (price_fen BETWEEN 0 AND 10000000),
    unit                 varchar(16) NOT NULL,
    per_household_limit  integer NOT NULL CHECK (per_household_limit BETWEEN 1 AND 1000),
    created_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, name)
);

CREATE TABLE ordering_window (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES community (id),
    opens_at      timestamptz NOT NULL,
    closes_at     timestamptz NOT NULL,
    created_by    uuid REFERENCES app_user (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (closes_at > opens_at)
);
CREATE INDEX ordering_window_community ON ordering_window (community_id, opens_at);

CREATE TABLE window_stock (
    window_id   uuid NOT NULL REFERENCES ordering_window (id),
    product_id  uuid NOT NULL REFERENCES product (id),
    quantity    integer NOT NULL CHECK (quantity BETWEEN 0 AND 1000000),
    remaining   integer NOT NULL,
    PRIMARY KEY (window_id, product_id),
    CHECK (remaining BETWEEN 0 AND quantity)
);

CREATE TABLE resident_order (
    id               uuid PRIMARY KEY,
    window_id        uuid NOT NULL REFERENCES ordering_window (id),
    household_id     uuid NOT NULL REFERENCES household (id),
    user_id          uuid NOT NULL REFERENCES app_user (id),
    status           varchar(16) NOT NULL CHECK (status IN ('PLACED', 'CANCELLED')),
    total_fen        bigint NOT NULL DEFAULT 0 CHECK (total_fen >= 0),
    delivery_mode    varchar(16) NOT NULL CHECK (delivery_mode IN ('DOOR', 'PICKUP_SLOT', 'PICKUP')),
    pickup_code      char(6) NOT NULL,
    note             varchar(200),
    idempotency_key  varchar(128) NOT NULL,
    request_hash     bytea NOT NULL,
    created_at       timestamptz NOT NULL,
    cancelled_at     timestamptz,
    UNIQUE (window_id, pickup_code),
    CONSTRAINT resident_order_once UNIQUE (user_id, idempotency_key)
);
CREATE INDEX resident_order_household ON resident_order (household_id, created_at);

CREATE TABLE order_item (
    order_id    uuid NOT NULL REFERENCES resident_order (id),
    product_id  uuid NOT NULL REFERENCES product (id),
    quantity    integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    price_fen   integer NOT NULL CHECK (price_fen >= 0),
    PRIMARY KEY (order_id, product_id)
);

-- What a household has ordered of a product in a window, across its orders: the limit's counter.
CREATE TABLE household_quota (
    window_id     uuid NOT NULL REFERENCES ordering_window (id),
    household_id  uuid NOT NULL REFERENCES household (id),
    product_id    uuid NOT NULL REFERENCES product (id),
    ordered       integer NOT NULL CHECK (ordered >= 0),
    PRIMARY KEY (window_id, household_id, product_id)
);
