-- Notices (通知公告): staff write once; each (channel, target) gets a delivery row written in the
-- same transaction as the publication (a transactional outbox), sent later by the relay.

-- WeCom group robots (企业微信群机器人), one per group chat of a community or a grid. The webhook
-- key is a secret: stored sealed (common/PiiCipher), shown as a hint only.
CREATE TABLE group_chat (
    id               uuid PRIMARY KEY,
    street_id        uuid NOT NULL REFERENCES street (id),
    community_id     uuid NOT NULL REFERENCES community (id),
    grid_id          uuid REFERENCES grid (id),
    name             varchar(64) NOT NULL,
    webhook_key_enc  bytea NOT NULL,
    key_hint         varchar(16) NOT NULL,
    created_by       uuid REFERENCES app_user (id),
    created_at       timestamptz NOT NULL,
    UNIQUE (community_id, name)
);
CREATE INDEX group_chat_street ON group_chat (street_id);
CREATE INDEX group_chat_grid ON group_chat (grid_id);

-- A notice's scope is stored as its place in the tree (finer levels null), so "in scope" is a
-- comparison per level for group chats and households alike; a message from another feature to
-- given people (scope USERS) has one FEED row per person instead. No status column: a notice is a
-- draft until published_at is set, scheduled while published_at is in the future, published after,
-- unless cancelled (a feature withdrew it before it was due).
CREATE TABLE notice (
    id            uuid PRIMARY KEY,
    title         varchar(64) NOT NULL,
    body          varchar(20000) NOT NULL,
    scope_type    varchar(16) NOT NULL CHECK (scope_type IN ('STREET', 'COMMUNITY', 'GRID', 'BUILDING', 'USERS')),
    scope_id      uuid,
    street_id     uuid REFERENCES street (id),
    community_id  uuid REFERENCES community (id),
    grid_id       uuid REFERENCES grid (id),
    building_id   uuid REFERENCES building (id),
    channels      varchar(16)[] NOT NULL,
    send_at       timestamptz,
    -- Set when another feature sent it (Notices): its own key for the message, once per key.
    ref           varchar(128) UNIQUE,
    created_by    uuid REFERENCES app_user (id),
    created_at    timestamptz NOT NULL,
    published_at  timestamptz,
    cancelled_at  timestamptz,
    -- A message to people (USERS) has no place; a notice to a place always has its street.
    CHECK ((scope_type = 'USERS') = (street_id IS NULL)),
    CHECK ((scope_type = 'USERS') = (scope_id IS NULL))
);
CREATE INDEX notice_feed ON notice (street_id, published_at) WHERE published_at IS NOT NULL;

-- One row per (notice, channel, target): the outbox, written with the publication. FEED has one
-- row (target: the scope, or each person of a USERS message), sent at published_at; GROUP_CHAT one per robot in scope, PENDING until
-- the relay sends it (not before next_attempt_at).
CREATE TABLE notice_delivery (
    id               uuid PRIMARY KEY,
    notice_id        uuid NOT NULL REFERENCES notice (id),
    channel          varchar(16) NOT NULL CHECK (channel IN ('GROUP_CHAT', 'SUBSCRIBE', 'FEED')),
    target_id        uuid NOT NULL,
    status           varchar(16) NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error       varchar(200),
    next_attempt_at  timestamptz NOT NULL,
    lease_until      timestamptz,
    sent_at          timestamptz,
    UNIQUE (notice_id, channel, target_id)
);
CREATE INDEX notice_delivery_due ON notice_delivery (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
-- A person's own messages: FEED rows whose target is the person.
CREATE INDEX notice_delivery_personal ON notice_delivery (target_id) WHERE channel = 'FEED';
