-- Members per household, kept by the join itself (conditional update against the configured cap),
-- so that parallel joins can never push a household past it.
ALTER TABLE household ADD COLUMN members integer NOT NULL DEFAULT 0 CHECK (members >= 0);
UPDATE household h SET members = (SELECT count(*) FROM app_user u WHERE u.household_id = h.id);
