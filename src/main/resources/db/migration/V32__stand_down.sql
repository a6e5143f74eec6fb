-- Stand-downs (docs/privacy.md): a district admin declares the end of the emergency for a street or
-- the whole district; at purge_at the purge job erases the personal data in scope, in bounded
-- batches, each one its own transaction that also adds its count to purged and appends its audit
-- record, so a crash at any point loses at most the batch under way (rolled back) and the job goes
-- on where the committed batches left off. A street's stand-down is scoped to it; a district's has no street.
CREATE TABLE stand_down (
    id            uuid PRIMARY KEY,
    scope_type    varchar(8) NOT NULL CHECK (scope_type IN ('STREET', 'DISTRICT')),
    street_id     uuid REFERENCES street (id),
    retain_days   integer NOT NULL CHECK (retain_days BETWEEN 0 AND 3650),
    declared_by   uuid NOT NULL REFERENCES app_user (id),
    declared_at   timestamptz NOT NULL,
    purge_at      timestamptz NOT NULL,
    status        varchar(16) NOT NULL CHECK (status IN ('SCHEDULED', 'PURGING', 'DONE', 'CANCELLED')),
    started_at    timestamptz,
    finished_at   timestamptz,
    purged        jsonb NOT NULL DEFAULT '{}',
    CHECK ((scope_type = 'STREET') = (street_id IS NOT NULL)),
    CHECK ((status IN ('PURGING', 'DONE')) = (started_at IS NOT NULL)),
    CHECK ((status = 'DONE') = (finished_at IS NOT NULL))
);
CREATE INDEX stand_down_due ON stand_down (purge_at) WHERE status IN ('SCHEDULED', 'PURGING');

-- What the purge leaves of a row: the row, without the personal data (the checks say which may go).
ALTER TABLE household_member ALTER COLUMN name_enc DROP NOT NULL;
ALTER TABLE volunteer ADD COLUMN purged_at timestamptz;
ALTER TABLE volunteer DROP CONSTRAINT volunteer_has_a_name;
ALTER TABLE volunteer ADD CONSTRAINT volunteer_has_a_name CHECK (name IS NOT NULL OR name_enc IS NOT NULL OR purged_at IS NOT NULL);
-- A closed group chat (its street stood down) keeps its name and no key: its robot posts no more.
ALTER TABLE group_chat ALTER COLUMN webhook_key_enc DROP NOT NULL, ALTER COLUMN key_hint DROP NOT NULL,
    ADD COLUMN closed_at timestamptz,
    ADD CONSTRAINT group_chat_key_until_closed CHECK (closed_at IS NOT NULL OR webhook_key_enc IS NOT NULL);

-- The purge's audit records (action PURGE, the stand-down as subject_scope, the count as row_count).
ALTER TABLE audit_record DROP CONSTRAINT audit_record_kind_check;
ALTER TABLE audit_record ADD CONSTRAINT audit_record_kind_check CHECK (kind IN ('PHONE', 'REGISTER', 'CARE_REQUEST',
    'TESTING_CODE', 'HOUSEHOLD_MEMBER', 'VOLUNTEER', 'DELIVERY_SHEET', 'AUDIT_EXPORT', 'ACCOUNT', 'HOUSEHOLD_LINK',
    'ORDER_NOTE', 'WEBHOOK_KEY'));
