-- Organisation of the district: street/town → community/village → grid → building/lane → household.
CREATE TABLE street (
    id          uuid PRIMARY KEY,
    name        varchar(64) NOT NULL UNIQUE,
    kind        varchar(16) NOT NULL DEFAULT 'STREET' CHECK (kind IN ('STREET', 'TOWN')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE community (
    id          uuid PRIMARY KEY,
    street_id   uuid NOT NULL REFERENCES street (id),
    name        varchar(64) NOT NULL,
    kind        varchar(16) NOT NULL CHECK (kind IN ('COMMUNITY', 'VILLAGE')),
    risk_level  varchar(8)  NOT NULL DEFAULT 'LOW' CHECK (risk_level IN ('HIGH', 'MEDIUM', 'LOW')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (street_id, name)
);

CREATE TABLE grid (
    id            uuid PRIMARY KEY,
    community_id  uuid NOT NULL REFERENCES community (id),
    name          varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, name)
);

-- risk_level NULL means "inherit the community's".
CREATE TABLE building (
    id          uuid PRIMARY KEY,
    grid_id     uuid NOT NULL REFERENCES grid (id),
    name        varchar(64) NOT NULL,
    risk_level  varchar(8) CHECK (risk_level IN ('HIGH', 'MEDIUM', 'LOW')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (grid_id, name)
);

CREATE TABLE household (
    id           uuid PRIMARY KEY,
    building_id  uuid NOT NULL REFERENCES building (id),
    room         varchar(32) NOT NULL,
    join_code    varchar(16) NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (building_id, room)
);
