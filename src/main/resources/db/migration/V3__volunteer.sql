-- Volunteer applications; an approved application is the volunteer (志愿者) of that community.
CREATE TABLE volunteer (
    id               uuid PRIMARY KEY,
    user_id          uuid NOT NULL REFERENCES app_user (id),
    community_id     uuid NOT NULL REFERENCES community (id),
    name             varchar(32) NOT NULL,
    skills           varchar(16)[] NOT NULL DEFAULT '{}',
    party_member     boolean NOT NULL DEFAULT false,
    availability     varchar(200),
    note             varchar(500),
    status           varchar(16) NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    reject_reason    varchar(200),
    team             varchar(64),
    service_minutes  integer NOT NULL DEFAULT 0 CHECK (service_minutes >= 0),
    decided_by       uuid REFERENCES app_user (id),
    decided_at       timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now()
);
-- One open (pending or approved) application per person and community; a rejected person may apply again.
CREATE UNIQUE INDEX volunteer_one_open ON volunteer (user_id, community_id) WHERE status <> 'REJECTED';
CREATE INDEX volunteer_community_status ON volunteer (community_id, status, created_at);
CREATE INDEX volunteer_user ON volunteer (user_id, created_at);
