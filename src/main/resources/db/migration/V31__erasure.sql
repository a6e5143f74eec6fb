-- A person may erase their account (DELETE /api/me, docs/privacy.md). The row stays, because the
-- district's accounts point at it (orders, care requests, claims, audit records), but nothing in it
-- names or reaches the person any more: no WeChat ids or their hash (a new login is a new resident),
-- no phone, no household. The checks hold it whatever the application does.
ALTER TABLE app_user
    ALTER COLUMN openid_hash DROP NOT NULL,
    ALTER COLUMN openid_enc DROP NOT NULL,
    ADD COLUMN erased_at timestamptz,
    ADD CONSTRAINT app_user_identified CHECK (erased_at IS NOT NULL OR (openid_hash IS NOT NULL AND openid_enc IS NOT NULL)),
    ADD CONSTRAINT app_user_erased_clean CHECK (erased_at IS NULL OR (openid_hash IS NULL AND openid_enc IS NULL
        AND unionid_enc IS NULL AND phone_enc IS NULL AND phone_hash IS NULL AND phone_masked IS NULL
        AND household_id IS NULL));

-- An erased person's care requests stay, for the district's statistics, without their description.
ALTER TABLE care_request ALTER COLUMN description_enc DROP NOT NULL;

-- Erasures are recorded in the audit: kind ACCOUNT, action ERASE, the account as subject.
ALTER TABLE audit_record DROP CONSTRAINT audit_record_kind_check;
ALTER TABLE audit_record ADD CONSTRAINT audit_record_kind_check CHECK (kind IN ('PHONE', 'REGISTER', 'CARE_REQUEST',
    'TESTING_CODE', 'HOUSEHOLD_MEMBER', 'VOLUNTEER', 'DELIVERY_SHEET', 'AUDIT_EXPORT', 'ACCOUNT'));
