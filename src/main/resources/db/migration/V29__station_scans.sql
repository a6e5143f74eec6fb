-- A station scan in one statement (docs/testing-rounds.md, "On site"): with the scope check's read
-- of the round and its site, an arrival or a sample is two round trips instead of four to five.
-- The rules are the ones the service checked one statement at a time before, in the same order, so
-- the refusal codes are unchanged; the site's row is still locked last (after the people's rows).

-- A household arrives at a site: those of p_members (NULL: all its people in the round) who have
-- not arrived, been sampled or skipped count as on site, unless that takes the site over its cap.
-- Answers a refusal (NOT_IN_ROUND, WRONG_SITE, GROUP_NOT_CALLED, SITE_FULL), or how many arrived
-- and the count on site. On SITE_FULL the people's rows are already updated: the caller rolls back.
CREATE FUNCTION arrive_at_site(p_round uuid, p_site uuid, p_household uuid, p_members uuid[], p_now timestamptz)
    RETURNS TABLE (refused varchar, arrived integer, on_site integer)
    LANGUAGE plpgsql AS
$$
#variable_conflict use_column
DECLARE
    v_group call_group%ROWTYPE;
    v_members uuid[];
BEGIN
    SELECT g.* INTO v_group FROM call_group g JOIN call_group_household h ON h.group_id = g.id
    WHERE h.round_id = p_round AND h.household_id = p_household;
    IF NOT FOUND THEN
        refused := 'NOT_IN_ROUND';
        RETURN NEXT;
        RETURN;
    END IF;
    IF v_group.site_id <> p_site THEN
        refused := 'WRONG_SITE';
        RETURN NEXT;
        RETURN;
    END IF;
    IF v_group.called_at IS NULL THEN
        refused := 'GROUP_NOT_CALLED';
        RETURN NEXT;
        RETURN;
    END IF;
    SELECT array_agg(m.member_id) INTO v_members FROM round_member m
    WHERE m.round_id = p_round AND m.household_id = p_household
      AND (p_members IS NULL OR m.member_id = ANY (p_members));
    IF p_members IS NOT NULL AND coalesce(cardinality(v_members), 0) < (SELECT count(DISTINCT x) FROM unnest(p_members) x) THEN
        refused := 'NOT_IN_ROUND';
        RETURN NEXT;
        RETURN;
    END IF;
    UPDATE round_member m SET arrived_at = p_now, site_id = p_site
    WHERE m.round_id = p_round AND m.member_id = ANY (v_members)
      AND m.arrived_at IS NULL AND m.sampled_at IS NULL AND m.skip_reason IS NULL;
    GET DIAGNOSTICS arrived = ROW_COUNT;
    IF arrived = 0 THEN
        SELECT s.on_site INTO on_site FROM testing_site s WHERE s.id = p_site;
        RETURN NEXT;
        RETURN;
    END IF;
    UPDATE testing_site s SET on_site = s.on_site + arrived, expected = greatest(s.expected - arrived, 0)
    WHERE s.id = p_site AND s.on_site + arrived <= s.cap RETURNING s.on_site INTO on_site;
    IF NOT FOUND THEN
        refused := 'SITE_FULL';
    END IF;
    RETURN NEXT;
END
$$;

-- Samples taken at a site: those of p_members who arrived there and were not sampled are marked
-- sampled by p_by; when that is all of them, they leave the site (leave_site: the count goes down
-- and the next group may be called). Answers who was sampled (all or some of p_members: when some,
-- nothing else happened and the caller refuses and rolls back) and leave_site's answer.
CREATE FUNCTION sample_at_site(p_round uuid, p_site uuid, p_members uuid[], p_by uuid, p_now timestamptz)
    RETURNS TABLE (sampled uuid[], on_site integer, group_id uuid, seq integer, grid_id uuid, people integer, label varchar)
    LANGUAGE plpgsql AS
$$
#variable_conflict use_column
DECLARE
    v_left record;
BEGIN
    WITH done AS (
        UPDATE round_member m SET sampled_at = p_now, sampled_by = p_by
        WHERE m.round_id = p_round AND m.member_id = ANY (p_members) AND m.site_id = p_site
          AND m.arrived_at IS NOT NULL AND m.sampled_at IS NULL
        RETURNING m.member_id)
    SELECT coalesce(array_agg(done.member_id), '{}') INTO sampled FROM done;
    IF cardinality(sampled) < (SELECT count(DISTINCT x) FROM unnest(p_members) x) THEN
        RETURN NEXT;
        RETURN;
    END IF;
    SELECT * INTO v_left FROM leave_site(p_site, cardinality(sampled), 0, p_now, p_by);
    on_site := v_left.on_site;
    group_id := v_left.group_id;
    seq := v_left.seq;
    grid_id := v_left.grid_id;
    people := v_left.people;
    label := v_left.label;
    RETURN NEXT;
END
$$;
