-- Care requests (求助): a household asks for help (medicine, a trip to hospital, home sampling,
-- essentials, an emergency...). Each state change is one conditional update on status, so a step
-- is never skipped or taken twice. The description and the completion note are personal data
-- (health, addresses): sealed with the PII key. The household's place is copied for scope checks.
CREATE TABLE care_request (
    id                   uuid PRIMARY KEY,
    household_id         uuid NOT NULL REFERENCES household (id),
    street_id            uuid NOT NULL REFERENCES street (id),
    community_id         uuid NOT NULL REFERENCES community (id),
    grid_id              uuid NOT NULL REFERENCES grid (id),
    building_id          uuid NOT NULL REFERENCES building (id),
    type                 varchar(16) NOT NULL CHECK (type IN ('MEDICINE', 'MEDICAL_TRIP', 'HOME_SAMPLING', 'ESSENTIALS',
                                                              'EMERGENCY', 'OTHER')),
    description_enc      bytea NOT NULL,
    status               varchar(16) NOT NULL CHECK (status IN ('SUBMITTED', 'TRIAGED', 'ASSIGNED', 'ACCEPTED', 'COMPLETED',
                                                                'CONFIRMED', 'CANCELLED')),
    priority             varchar(2) CHECK (priority IN ('P1', 'P2', 'P3')),
    -- Someone of the household was on the vulnerable-person register when the request was filed.
    registered           boolean NOT NULL,
    escalated            boolean NOT NULL DEFAULT false,
    filed_by             uuid NOT NULL REFERENCES app_user (id),
    assignee_id          uuid REFERENCES app_user (id),
    completion_note_enc  bytea,
    rating               smallint CHECK (rating BETWEEN 1 AND 5),
    comment              varchar(200),
    created_at           timestamptz NOT NULL,
    triaged_at           timestamptz,
    assigned_at          timestamptz,
    accepted_at          timestamptz,
    completed_at         timestamptz,
    confirmed_at         timestamptz,
    cancelled_at         timestamptz
);
CREATE INDEX care_request_community ON care_request (community_id, status);
CREATE INDEX care_request_household ON care_request (household_id, created_at);
CREATE INDEX care_request_assignee ON care_request (assignee_id) WHERE assignee_id IS NOT NULL;
