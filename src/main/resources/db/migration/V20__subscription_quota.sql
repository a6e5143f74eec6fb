-- A person's unused acceptances of a subscribe-message template, counted in one row per person and
-- template, so that the cap of 50 unused holds under parallel accepts: the accept is one conditional
-- upsert of this row (its lock orders parallel accepts, its WHERE refuses the 51st), not a count
-- followed by an insert. Sends take one (unused - 1); a send that failed for a passing reason gives
-- it back (unused + 1).
CREATE TABLE subscription_quota (
    user_id      uuid NOT NULL REFERENCES app_user (id),
    template_id  varchar(64) NOT NULL,
    unused       integer NOT NULL CHECK (unused >= 0),
    PRIMARY KEY (user_id, template_id)
);

-- Acceptances beyond the cap, stored by parallel accepts before this change, are dropped (the
-- newest 50 unused are kept), then the counts are taken from what is left.
DELETE FROM subscription_consent c USING (
    SELECT id, row_number() OVER (PARTITION BY user_id, template_id ORDER BY granted_at DESC) AS n
    FROM subscription_consent WHERE used_at IS NULL) ranked
WHERE c.id = ranked.id AND ranked.n > 50;

INSERT INTO subscription_quota (user_id, template_id, unused)
SELECT user_id, template_id, count(*) FROM subscription_consent WHERE used_at IS NULL GROUP BY user_id, template_id;
