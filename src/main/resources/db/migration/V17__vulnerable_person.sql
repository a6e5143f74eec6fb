-- Care (关爱): the register of people who need looking after, per household (elderly living alone,
-- 特困, disabled, pregnant, chronically ill...). Names and notes are personal data: sealed with the
-- PII key (common/PiiCipher), never stored in plain text. The household's place is copied so
-- that "in the caller's scope" is one comparison per level.
CREATE TABLE vulnerable_person (
    id            uuid PRIMARY KEY,
    household_id  uuid NOT NULL REFERENCES household (id),
    street_id     uuid NOT NULL REFERENCES street (id),
    community_id  uuid NOT NULL REFERENCES community (id),
    grid_id       uuid NOT NULL REFERENCES grid (id),
    building_id   uuid NOT NULL REFERENCES building (id),
    name_enc      bytea NOT NULL,
    category      varchar(24) NOT NULL CHECK (category IN ('ELDERLY_ALONE', 'EXTREME_POVERTY', 'DISABLED', 'PREGNANT',
                                                            'CHRONIC_ILLNESS', 'OTHER')),
    note_enc      bytea,
    recorded_by   uuid NOT NULL REFERENCES app_user (id),
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX vulnerable_person_community ON vulnerable_person (community_id);
CREATE INDEX vulnerable_person_household ON vulnerable_person (household_id);
