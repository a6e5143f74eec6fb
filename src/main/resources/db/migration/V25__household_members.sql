-- Mass-testing rounds, first part (docs/testing-rounds.md): the people of a household who are
-- tested, their testing codes, and the volunteer who looks after the household (包户).

-- A person of a household, as the testing station knows them: a name and the text of their
-- provincial testing QR code, both sealed (common/SealedColumn). The place columns are the one
-- place type (common/OrgLocation), down to the household, so coverage groups by grid or building
-- without joins and scope checks read the row alone.
CREATE TABLE household_member (
    id                uuid PRIMARY KEY,
    street_id         uuid NOT NULL REFERENCES street (id),
    community_id      uuid NOT NULL REFERENCES community (id),
    grid_id           uuid NOT NULL REFERENCES grid (id),
    building_id       uuid NOT NULL REFERENCES building (id),
    household_id      uuid NOT NULL REFERENCES household (id),
    name_enc          bytea NOT NULL,
    testing_code_enc  bytea,
    code_updated_at   timestamptz,
    added_by          uuid NOT NULL REFERENCES app_user (id),
    added_at          timestamptz NOT NULL
);
CREATE INDEX household_member_household ON household_member (household_id);
CREATE INDEX household_member_grid ON household_member (grid_id);

-- At most one caretaker volunteer per household (the primary key); how many households a
-- volunteer looks after is counted in caretaker_load, whose conditional upsert refuses the one
-- over the cap, so parallel assignments cannot pass it.
CREATE TABLE household_caretaker (
    household_id  uuid PRIMARY KEY REFERENCES household (id),
    volunteer_id  uuid NOT NULL REFERENCES volunteer (id),
    user_id       uuid NOT NULL REFERENCES app_user (id),
    community_id  uuid NOT NULL REFERENCES community (id),
    assigned_by   uuid NOT NULL REFERENCES app_user (id),
    assigned_at   timestamptz NOT NULL
);
CREATE INDEX household_caretaker_volunteer ON household_caretaker (volunteer_id);
CREATE INDEX household_caretaker_user ON household_caretaker (user_id, community_id);

CREATE TABLE caretaker_load (
    volunteer_id  uuid PRIMARY KEY REFERENCES volunteer (id),
    households    integer NOT NULL CHECK (households >= 0)
);
