-- People leave a testing site (sampled, or skipped while on it; or called people who will not come)
-- and the next group is called if the count now allows it, in one statement (docs/testing-rounds.md).
-- The site's row is the one row every scan of that site waits for, held until the transaction
-- commits; doing the count and the call in one round trip, as the scan's last statement, keeps that
-- hold to the statement and the commit. Answers the count on site and the group called, if any.
CREATE FUNCTION leave_site(p_site uuid, p_left integer, p_gone integer, p_now timestamptz, p_by uuid)
    RETURNS TABLE (on_site integer, group_id uuid, seq integer, grid_id uuid, people integer, label varchar)
    LANGUAGE plpgsql AS
$$
#variable_conflict use_column
DECLARE
    v_called record;
BEGIN
    UPDATE testing_site s SET on_site = greatest(s.on_site - p_left, 0), expected = greatest(s.expected - p_gone, 0)
    WHERE s.id = p_site;
    SELECT * INTO v_called FROM call_next_group(p_site, p_now, p_by, false);
    SELECT s.on_site INTO on_site FROM testing_site s WHERE s.id = p_site;
    group_id := v_called.group_id;
    seq := v_called.seq;
    grid_id := v_called.grid_id;
    people := v_called.people;
    label := v_called.label;
    RETURN NEXT;
END
$$;
