-- Mass-testing rounds, second part (docs/testing-rounds.md): a round of a community on a date, its
-- sites, the call groups of each site in lane order, and each person's state in the round.

CREATE TABLE testing_round (
    id            uuid PRIMARY KEY,
    street_id     uuid NOT NULL REFERENCES street (id),
    community_id  uuid NOT NULL REFERENCES community (id),
    round_date    date NOT NULL,
    status        varchar(16) NOT NULL CHECK (status IN ('PLANNED', 'RUNNING', 'CLOSED')),
    created_by    uuid NOT NULL REFERENCES app_user (id),
    created_at    timestamptz NOT NULL,
    started_at    timestamptz,
    closed_at     timestamptz,
    UNIQUE (community_id, round_date)
);

-- A sampling site. on_site: people arrived and not yet sampled; expected: people of called groups
-- not arrived yet. The next group is called only while on_site + expected <= call_next_at, and no
-- group holds more than cap - call_next_at people, so the site never holds more than its cap; the
-- CHECK is the last guard.
CREATE TABLE testing_site (
    id            uuid PRIMARY KEY,
    round_id      uuid NOT NULL REFERENCES testing_round (id),
    seq           integer NOT NULL,
    name          varchar(64) NOT NULL,
    place         varchar(128) NOT NULL,
    cap           integer NOT NULL CHECK (cap BETWEEN 2 AND 1000),
    call_next_at  integer NOT NULL CHECK (call_next_at >= 0 AND call_next_at < cap),
    on_site       integer NOT NULL DEFAULT 0 CHECK (on_site >= 0 AND on_site <= cap),
    expected      integer NOT NULL DEFAULT 0 CHECK (expected >= 0),
    paused        boolean NOT NULL DEFAULT false,
    UNIQUE (round_id, seq)
);

-- The households of a site's lanes, in lane order, cut into groups called one at a time.
CREATE TABLE call_group (
    id         uuid PRIMARY KEY,
    round_id   uuid NOT NULL REFERENCES testing_round (id),
    site_id    uuid NOT NULL REFERENCES testing_site (id),
    seq        integer NOT NULL CHECK (seq >= 1),
    grid_id    uuid NOT NULL REFERENCES grid (id),
    people     integer NOT NULL CHECK (people >= 1),
    label      varchar(200) NOT NULL,
    called_at  timestamptz,
    called_by  uuid REFERENCES app_user (id),
    UNIQUE (site_id, seq)
);

-- Each household is in one group of a round.
CREATE TABLE call_group_household (
    round_id      uuid NOT NULL REFERENCES testing_round (id),
    household_id  uuid NOT NULL REFERENCES household (id),
    group_id      uuid NOT NULL REFERENCES call_group (id),
    PRIMARY KEY (round_id, household_id)
);
CREATE INDEX call_group_household_group ON call_group_household (group_id);

-- Each person of the round's lanes, once: arrived at a site, sampled (at most once: the primary key
-- and the conditional update), or skipped with a reason.
CREATE TABLE round_member (
    round_id      uuid NOT NULL REFERENCES testing_round (id),
    member_id     uuid NOT NULL REFERENCES household_member (id),
    household_id  uuid NOT NULL REFERENCES household (id),
    grid_id       uuid NOT NULL REFERENCES grid (id),
    building_id   uuid NOT NULL REFERENCES building (id),
    site_id       uuid REFERENCES testing_site (id),
    arrived_at    timestamptz,
    sampled_at    timestamptz,
    sampled_by    uuid REFERENCES app_user (id),
    at_home       boolean NOT NULL DEFAULT false,
    skip_reason   varchar(24) CHECK (skip_reason IN ('AWAY', 'ISOLATED_ELSEWHERE', 'HOME_SAMPLING')),
    skipped_at    timestamptz,
    skipped_by    uuid REFERENCES app_user (id),
    PRIMARY KEY (round_id, member_id)
);
CREATE INDEX round_member_household ON round_member (round_id, household_id);

-- Calls the next group of a site, once, in the caller's transaction. The site's row is locked
-- first, so every change of its counts (arrivals, samples, skips, calls) runs one after another,
-- on any replica, and the group to call is read after the lock. Automatic (p_manual false): only
-- while the site is not paused and on_site + expected <= call_next_at. By hand: whenever the group
-- fits under the cap ('SITE_FULL' otherwise). No group left: 'NO_GROUP_LEFT'. Answers the group
-- called, or only the reason nothing was.
CREATE FUNCTION call_next_group(p_site uuid, p_now timestamptz, p_by uuid, p_manual boolean)
    RETURNS TABLE (group_id uuid, seq integer, grid_id uuid, people integer, label varchar, refused varchar)
    LANGUAGE plpgsql AS
$$
#variable_conflict use_column
DECLARE
    v_site  testing_site%ROWTYPE;
    v_next  call_group%ROWTYPE;
BEGIN
    SELECT * INTO v_site FROM testing_site s WHERE s.id = p_site FOR UPDATE;
    SELECT * INTO v_next FROM call_group g WHERE g.site_id = p_site AND g.called_at IS NULL ORDER BY g.seq LIMIT 1;
    IF NOT FOUND THEN
        refused := 'NO_GROUP_LEFT';
        RETURN NEXT;
        RETURN;
    END IF;
    IF NOT p_manual AND (v_site.paused OR v_site.on_site + v_site.expected > v_site.call_next_at) THEN
        refused := 'NOT_YET';
        RETURN NEXT;
        RETURN;
    END IF;
    IF v_site.on_site + v_site.expected + v_next.people > v_site.cap THEN
        refused := 'SITE_FULL';
        RETURN NEXT;
        RETURN;
    END IF;
    UPDATE call_group g SET called_at = p_now, called_by = p_by WHERE g.id = v_next.id AND g.called_at IS NULL;
    UPDATE testing_site s SET expected = s.expected + v_next.people WHERE s.id = p_site;
    group_id := v_next.id;
    seq := v_next.seq;
    grid_id := v_next.grid_id;
    people := v_next.people;
    label := v_next.label;
    RETURN NEXT;
END
$$;
