-- Invitations can be revoked before they are used up or expire.
ALTER TABLE invitation ADD COLUMN revoked_at timestamptz, ADD COLUMN revoked_by uuid REFERENCES app_user (id);

-- A volunteer whose role was revoked keeps their record (service minutes, history) as REVOKED and
-- may apply again, like a rejected one.
ALTER TABLE volunteer DROP CONSTRAINT volunteer_status_check;
ALTER TABLE volunteer ADD CONSTRAINT volunteer_status_check CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED'));
DROP INDEX volunteer_one_open;
CREATE UNIQUE INDEX volunteer_one_open ON volunteer (user_id, community_id) WHERE status IN ('PENDING', 'APPROVED');
