-- Cancelling an order in one statement, beside placing it (V12): an order's stock rules live in one
-- language, the database's. Called on its own (autocommit) like place_order, it does all or nothing:
--   * the order goes from PLACED to CANCELLED only while its window is open at p_now (the same test
--     place_order makes), else ALREADY_CANCELLED (it was cancelled) or WINDOW_CLOSED (anything else:
--     the window closed, the order was batched);
--   * stock and the household's counter come back product by product in uuid order, the order in
--     which place_order takes them, so a cancel and a place never wait for each other's rows in
--     opposite orders;
--   * the pickup slot the order held is freed (its count of active orders goes down by one).
-- A refusal is raised as SQLSTATE P0001 with an OrderError constant's name as its message.
CREATE FUNCTION cancel_order(p_order uuid, p_now timestamptz) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    v_order resident_order%ROWTYPE;
    v_line  record;
BEGIN
    UPDATE resident_order o SET status = 'CANCELLED', cancelled_at = p_now
    FROM ordering_window w
    WHERE o.id = p_order AND w.id = o.window_id AND o.status = 'PLACED'
      AND NOT (p_now < w.opens_at OR p_now >= w.closes_at)
    RETURNING o.* INTO v_order;
    IF NOT FOUND THEN
        IF EXISTS (SELECT 1 FROM resident_order WHERE id = p_order AND status = 'CANCELLED') THEN
            RAISE EXCEPTION 'ALREADY_CANCELLED';
        END IF;
        RAISE EXCEPTION 'WINDOW_CLOSED';
    END IF;

    FOR v_line IN SELECT i.product_id, i.quantity FROM order_item i WHERE i.order_id = p_order ORDER BY i.product_id LOOP
        UPDATE window_stock SET remaining = remaining + v_line.quantity
        WHERE window_id = v_order.window_id AND product_id = v_line.product_id;
        UPDATE household_quota SET ordered = ordered - v_line.quantity
        WHERE window_id = v_order.window_id AND household_id = v_order.household_id AND product_id = v_line.product_id;
    END LOOP;

    IF v_order.pickup_slot_id IS NOT NULL THEN
        UPDATE pickup_slot SET taken = taken - 1 WHERE id = v_order.pickup_slot_id AND taken > 0;
    END IF;
END
$$;
