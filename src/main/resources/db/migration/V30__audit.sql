-- The access audit (docs/privacy.md): one record per read (or write) of someone else's sealed
-- personal data. Append-only and chained: each record carries the hash of the one before it in its
-- chain, so a deleted record, an edited one or one slipped in between breaks the chain that
-- GET /api/audit/verify walks. The chains are made here, by a trigger that holds the chain's lock
-- until the recording transaction ends, so that concurrent readers cannot fork one. There are 8
-- chains, an actor's records always in the same one (chain = a hash of the actor, 0-7): one chain
-- would let only one recording transaction commit at a time (about 1,400 records/s here, every
-- staff read of the district queued behind the others' commits); 8 let 8 commit together.
-- seq orders a chain: taken by the trigger under the chain's lock (below), so within a chain it
-- grows in the order records are chained in. (A rolled-back record leaves a gap in seq, never in a chain.)
CREATE SEQUENCE audit_record_seq;
CREATE TABLE audit_record (
    seq            bigint PRIMARY KEY,
    chain          smallint NOT NULL CHECK (chain BETWEEN 0 AND 7),
    at             timestamptz NOT NULL,
    actor_id       uuid,                 -- null: the service itself (the purge job)
    role           varchar(24),          -- the actor's highest staff role, as of their token
    scope_id       uuid,                 -- the place that role is held for (null for a district admin)
    kind           varchar(24) NOT NULL CHECK (kind IN ('PHONE', 'REGISTER', 'CARE_REQUEST', 'TESTING_CODE',
                       'HOUSEHOLD_MEMBER', 'VOLUNTEER', 'DELIVERY_SHEET', 'AUDIT_EXPORT')),
    action         varchar(8) NOT NULL CHECK (action IN ('READ', 'WRITE', 'ERASE', 'PURGE')),
    subject_ids    uuid[] NOT NULL,      -- the rows whose personal data was read (empty for a sheet)
    subject_scope  uuid,                 -- for a sheet or an export: what it covers (a window, a round...)
    row_count      integer NOT NULL CHECK (row_count >= 0),
    request_id     varchar(64),
    prev_hash      bytea NOT NULL,
    hash           bytea NOT NULL
);
CREATE INDEX audit_record_actor ON audit_record (actor_id, seq);
CREATE INDEX audit_record_at ON audit_record (at);
CREATE INDEX audit_record_chain_seq ON audit_record (chain, seq);
CREATE INDEX audit_record_subjects ON audit_record USING gin (subject_ids);

-- What a record's hash covers, in a text form that does not depend on the session's settings.
CREATE FUNCTION audit_record_digest(r audit_record, prev bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(prev || convert_to(concat_ws('|', r.seq, r.chain, (extract(epoch FROM r.at) * 1000000)::bigint,
        coalesce(r.actor_id::text, ''), coalesce(r.role, ''), coalesce(r.scope_id::text, ''), r.kind, r.action,
        array_to_string(r.subject_ids, ','), coalesce(r.subject_scope::text, ''), r.row_count,
        coalesce(r.request_id, '')), 'UTF8'))
$$;

-- Chains each new record to the last one of its chain. The transaction-scoped advisory lock of
-- the chain serialises its recording transactions from here to their end, so the "last one" is
-- always committed (or this transaction's own) and the chain never forks; the lock is short
-- because records are written at the end of a read.
CREATE FUNCTION audit_record_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.chain := hashtext(coalesce(NEW.actor_id::text, 'service')) & 7;
    PERFORM pg_advisory_xact_lock(hashtext('audit_record_chain'), NEW.chain);
    NEW.seq := nextval('audit_record_seq');
    SELECT r.hash INTO NEW.prev_hash FROM audit_record r WHERE r.chain = NEW.chain ORDER BY r.seq DESC LIMIT 1;
    NEW.prev_hash := coalesce(NEW.prev_hash, '\x'::bytea);
    NEW.hash := audit_record_digest(NEW, NEW.prev_hash);
    RETURN NEW;
END $$;
CREATE TRIGGER audit_record_chain BEFORE INSERT ON audit_record FOR EACH ROW EXECUTE FUNCTION audit_record_chain();

-- Append-only, for every role, the table's owner and superusers included (privileges do not bind
-- those two; this trigger does).
CREATE FUNCTION audit_record_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();

-- And by privilege, for the role that runs the migrations and the service: it may insert and read.
REVOKE ALL ON audit_record FROM PUBLIC, CURRENT_USER;
GRANT INSERT, SELECT ON audit_record TO CURRENT_USER;
