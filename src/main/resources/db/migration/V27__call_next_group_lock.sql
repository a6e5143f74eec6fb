-- call_next_group (V26) locked the site's row FOR UPDATE, the one row lock that waits for the KEY
-- SHARE lock an arrival takes on that row through round_member.site_id's foreign key. An arrival
-- (KEY SHARE, then its own update of the site's counts) and a sample (the site's counts, then this
-- lock) could each hold what the other waited for: PostgreSQL reported deadlocks under a busy site.
-- FOR NO KEY UPDATE is what an UPDATE of the counts takes anyway; it serialises every change of the
-- site just the same, and does not wait for key-share locks. The function is otherwise unchanged.
CREATE OR REPLACE FUNCTION call_next_group(p_site uuid, p_now timestamptz, p_by uuid, p_manual boolean)
    RETURNS TABLE (group_id uuid, seq integer, grid_id uuid, people integer, label varchar, refused varchar)
    LANGUAGE plpgsql AS
$$
#variable_conflict use_column
DECLARE
    v_site  testing_site%ROWTYPE;
    v_next  call_group%ROWTYPE;
BEGIN
    SELECT * INTO v_site FROM testing_site s WHERE s.id = p_site FOR NO KEY UPDATE;
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
