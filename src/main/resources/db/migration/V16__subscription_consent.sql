-- Subscribe messages (订阅消息): each time a resident accepts the template in the mini-program,
-- WeChat allows one message to them. One row per acceptance; a send uses one up (used_at), and
-- 43101 from WeChat (refused, or none left) uses it up too.
CREATE TABLE subscription_consent (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES app_user (id),
    template_id  varchar(64) NOT NULL,
    granted_at   timestamptz NOT NULL,
    used_at      timestamptz,
    used_by      uuid
);
CREATE INDEX subscription_consent_unused ON subscription_consent (user_id, template_id, granted_at) WHERE used_at IS NULL;
