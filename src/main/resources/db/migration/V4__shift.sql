-- Checkpoints (值守点/卡点) manned around the clock in shifts, and volunteers' claims on them.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE checkpoint (
    id                  uuid PRIMARY KEY,
    community_id        uuid NOT NULL REFERENCES community (id),
    name                varchar(64) NOT NULL,
    location            varchar(200),
    shift_start_hours   smallint[] NOT NULL,
    shift_length_hours  smallint NOT NULL CHECK (shift_length_hours BETWEEN 1 AND 24),
    capacity            integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    created_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, name)
);

-- taken counts active claims; it can never pass capacity, whatever the application does.
CREATE TABLE shift (
    id             uuid PRIMARY KEY,
    checkpoint_id  uuid NOT NULL REFERENCES checkpoint (id),
    community_id   uuid NOT NULL REFERENCES community (id),
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    capacity       integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    taken          integer NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at),
    CHECK (taken BETWEEN 0 AND capacity),
    UNIQUE (checkpoint_id, starts_at)
);
CREATE INDEX shift_community_start ON shift (community_id, starts_at);

-- A cancelled claim is deleted (and taken decremented), so every row here is held.
-- No volunteer holds two overlapping shifts, in any community: the exclusion constraint decides.
CREATE TABLE shift_claim (
    id              uuid PRIMARY KEY,
    shift_id        uuid NOT NULL REFERENCES shift (id),
    volunteer_id    uuid NOT NULL REFERENCES volunteer (id),
    user_id         uuid NOT NULL REFERENCES app_user (id),
    period          tstzrange NOT NULL,
    status          varchar(16) NOT NULL DEFAULT 'CLAIMED' CHECK (status IN ('CLAIMED', 'CHECKED_IN', 'CHECKED_OUT')),
    checked_in_at   timestamptz,
    checked_out_at  timestamptz,
    minutes_served  integer CHECK (minutes_served >= 0),
    handover_note   varchar(1000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT shift_claim_once UNIQUE (shift_id, volunteer_id),
    CONSTRAINT shift_claim_no_overlap EXCLUDE USING gist (user_id WITH =, period WITH &&)
);
CREATE INDEX shift_claim_shift ON shift_claim (shift_id);
