-- People and what they may do. WeChat ids and phone numbers are stored only encrypted
-- (AES-GCM) with a keyed hash (HMAC-SHA256) for look-ups; never in the clear.
CREATE TABLE app_user (
    id             uuid PRIMARY KEY,
    openid_hash    bytea NOT NULL UNIQUE,
    openid_enc     bytea NOT NULL,
    unionid_enc    bytea,
    nickname       varchar(64),
    phone_enc      bytea,
    phone_hash     bytea,
    phone_masked   varchar(16),
    household_id   uuid REFERENCES household (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX app_user_phone_hash ON app_user (phone_hash);
CREATE INDEX app_user_household ON app_user (household_id);

-- One role in one place. Ancestors of the scope are denormalised (a grid grant also names its
-- community and street) so that tokens carry everything a scope check needs.
CREATE TABLE role_grant (
    id            uuid PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role          varchar(24) NOT NULL CHECK (role IN
                    ('VOLUNTEER', 'SUPPLIER', 'GRID_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'DISTRICT_ADMIN')),
    street_id     uuid REFERENCES street (id),
    community_id  uuid REFERENCES community (id),
    grid_id       uuid REFERENCES grid (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX role_grant_once ON role_grant (user_id, role,
    coalesce(street_id, '00000000-0000-0000-0000-000000000000'::uuid),
    coalesce(community_id, '00000000-0000-0000-0000-000000000000'::uuid),
    coalesce(grid_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX role_grant_user ON role_grant (user_id);

-- Invitation codes are stored as SHA-256; the plain code is shown once, to its creator.
-- used_count can never pass max_uses, whatever the application does.
CREATE TABLE invitation (
    id            uuid PRIMARY KEY,
    code_hash     bytea NOT NULL UNIQUE,
    role          varchar(24) NOT NULL,
    street_id     uuid REFERENCES street (id),
    community_id  uuid REFERENCES community (id),
    grid_id       uuid REFERENCES grid (id),
    max_uses      integer NOT NULL CHECK (max_uses BETWEEN 1 AND 10000),
    used_count    integer NOT NULL DEFAULT 0,
    expires_at    timestamptz,
    created_by    uuid REFERENCES app_user (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (used_count BETWEEN 0 AND max_uses)
);

CREATE TABLE invitation_acceptance (
    invitation_id  uuid NOT NULL REFERENCES invitation (id),
    user_id        uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    accepted_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (invitation_id, user_id)
);
