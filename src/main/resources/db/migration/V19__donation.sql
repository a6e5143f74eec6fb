-- Donations (捐赠) and the care packages (关爱包) made from them. Stock of a donated item only
-- falls through a conditional update (remaining >= quantity) under CHECK (remaining >= 0), so
-- concurrent allocations can never overdraw it.
CREATE TABLE donation (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES community (id),
    donor         varchar(64) NOT NULL,
    recorded_by   uuid NOT NULL REFERENCES app_user (id),
    received_at   timestamptz NOT NULL
);
CREATE INDEX donation_community ON donation (community_id, received_at);

CREATE TABLE donation_item (
    id           uuid PRIMARY KEY,
    donation_id  uuid NOT NULL REFERENCES donation (id),
    name         varchar(64) NOT NULL,
    unit         varchar(16) NOT NULL,
    quantity     integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
    remaining    integer NOT NULL,
    CHECK (remaining BETWEEN 0 AND quantity)
);
CREATE INDEX donation_item_donation ON donation_item (donation_id);

CREATE TABLE care_package (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES community (id),
    household_id  uuid NOT NULL REFERENCES household (id),
    status        varchar(16) NOT NULL CHECK (status IN ('ALLOCATED', 'DELIVERED')),
    allocated_by  uuid NOT NULL REFERENCES app_user (id),
    allocated_at  timestamptz NOT NULL,
    delivered_by  uuid REFERENCES app_user (id),
    delivered_at  timestamptz
);
CREATE INDEX care_package_household ON care_package (household_id, allocated_at);

CREATE TABLE care_package_item (
    package_id        uuid NOT NULL REFERENCES care_package (id),
    donation_item_id  uuid NOT NULL REFERENCES donation_item (id),
    quantity          integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
    PRIMARY KEY (package_id, donation_item_id)
);
CREATE INDEX care_package_item_donation ON care_package_item (donation_item_id);
