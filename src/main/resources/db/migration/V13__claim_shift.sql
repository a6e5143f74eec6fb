-- Claiming a shift in one round trip, as place_order (V12) does for orders: called on its own
-- (autocommit), the shift's row is locked from the slot update to the commit, inside the database,
-- instead of across the round trips of a three-statement transaction sent from the service.
--
-- In the order the API promises its refusals: the shift exists (SHIFT_NOT_FOUND); the caller is
-- an approved volunteer of its community (VOLUNTEER_REQUIRED); it has not started (SHIFT_STARTED);
-- the claim is new and overlaps none of the person's claims (the constraints shift_claim_once and
-- shift_claim_no_overlap answer SQLSTATE 23505 and 23P01); then, last, a slot is taken only if
-- one is free (SHIFT_FULL). Any refusal rolls back everything. Raised as SQLSTATE P0001 with the
-- code as the message; ClaimLedger maps them.
CREATE FUNCTION claim_shift(p_id uuid, p_shift uuid, p_user uuid, p_now timestamptz)
    RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    v_shift      shift%ROWTYPE;
    v_volunteer  uuid;
BEGIN
    SELECT * INTO v_shift FROM shift s WHERE s.id = p_shift;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'SHIFT_NOT_FOUND';
    END IF;
    SELECT v.id INTO v_volunteer FROM volunteer v
    WHERE v.user_id = p_user AND v.community_id = v_shift.community_id AND v.status = 'APPROVED';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'VOLUNTEER_REQUIRED';
    END IF;
    IF v_shift.starts_at <= p_now THEN
        RAISE EXCEPTION 'SHIFT_STARTED';
    END IF;

    INSERT INTO shift_claim (id, shift_id, volunteer_id, user_id, period)
    VALUES (p_id, p_shift, v_volunteer, p_user, tstzrange(v_shift.starts_at, v_shift.ends_at, '[)'));

    UPDATE shift s SET taken = s.taken + 1 WHERE s.id = p_shift AND s.taken < s.capacity AND s.starts_at > p_now;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'SHIFT_FULL';
    END IF;
END
$$;
