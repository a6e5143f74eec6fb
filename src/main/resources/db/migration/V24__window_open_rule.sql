-- The one home of the rule "an ordering window is open": from opens_at (included) to closes_at
-- (excluded). place_order (placing), cancel_order (cancelling) and WindowRepository.openIn (the
-- catalogue's open window) all ask this function; the two order functions are re-created here
-- unchanged but for that test (their rules and refusals: V12 and V23).
CREATE FUNCTION ordering_window_open(w ordering_window, p_at timestamptz) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$
SELECT p_at >= w.opens_at AND p_at < w.closes_at
$$;

CREATE OR REPLACE FUNCTION place_order(p_id uuid, p_window uuid, p_community uuid, p_household uuid, p_user uuid,
                            p_mode varchar, p_note varchar, p_key varchar, p_hash bytea, p_now timestamptz,
                            p_products uuid[], p_quantities integer[], p_codes varchar[])
    RETURNS TABLE (order_id uuid, replay boolean, pickup_code varchar, product_id uuid, product_name varchar,
                   quantity integer, price_fen integer)
    LANGUAGE plpgsql AS
$$
#variable_conflict use_column
DECLARE
    v_window   ordering_window%ROWTYPE;
    v_line     record;
    v_taken    record;
    v_code     varchar;
    v_total    bigint := 0;
    v_names    varchar[] := '{}';
    v_prices   integer[] := '{}';
    v_ids      uuid[] := '{}';
    v_counts   integer[] := '{}';
BEGIN
    SELECT o.id INTO order_id FROM resident_order o WHERE o.user_id = p_user AND o.idempotency_key = p_key;
    IF FOUND THEN
        replay := true;
        RETURN NEXT;
        RETURN;
    END IF;

    SELECT * INTO v_window FROM ordering_window w WHERE w.id = p_window;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'WINDOW_NOT_FOUND';
    END IF;
    IF v_window.community_id <> p_community THEN
        RAISE EXCEPTION 'HOUSEHOLD_REQUIRED';
    END IF;
    IF NOT ordering_window_open(v_window, p_now) THEN
        RAISE EXCEPTION 'WINDOW_CLOSED';
    END IF;

    FOR v_line IN SELECT l.product_id, l.quantity
                  FROM unnest(p_products, p_quantities) AS l (product_id, quantity) ORDER BY l.product_id LOOP
        UPDATE window_stock s SET remaining = s.remaining - v_line.quantity FROM product p
        WHERE s.window_id = p_window AND s.product_id = v_line.product_id AND p.id = s.product_id
          AND s.remaining >= v_line.quantity
        RETURNING p.name, p.price_fen, p.per_household_limit INTO v_taken;
        IF NOT FOUND THEN
            PERFORM 1 FROM window_stock s WHERE s.window_id = p_window AND s.product_id = v_line.product_id;
            IF FOUND THEN
                RAISE EXCEPTION 'OUT_OF_STOCK';
            END IF;
            RAISE EXCEPTION 'PRODUCT_NOT_IN_WINDOW';
        END IF;

        INSERT INTO household_quota AS q (window_id, household_id, product_id, ordered)
        SELECT p_window, p_household, v_line.product_id, v_line.quantity
        WHERE v_line.quantity <= v_taken.per_household_limit
        ON CONFLICT (window_id, household_id, product_id)
        DO UPDATE SET ordered = q.ordered + EXCLUDED.ordered
        WHERE q.ordered + EXCLUDED.ordered <= v_taken.per_household_limit;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'LIMIT_EXCEEDED';
        END IF;

        v_ids := v_ids || v_line.product_id;
        v_counts := v_counts || v_line.quantity;
        v_names := v_names || v_taken.name;
        v_prices := v_prices || v_taken.price_fen;
        v_total := v_total + v_taken.price_fen::bigint * v_line.quantity;
    END LOOP;

    FOREACH v_code IN ARRAY p_codes LOOP
        INSERT INTO resident_order (id, window_id, household_id, user_id, status, total_fen, delivery_mode, pickup_code,
                                    note, idempotency_key, request_hash, created_at)
        VALUES (p_id, p_window, p_household, p_user, 'PLACED', v_total, p_mode, v_code, p_note, p_key, p_hash, p_now)
        ON CONFLICT (window_id, pickup_code) DO NOTHING;
        IF FOUND THEN
            INSERT INTO order_item (order_id, product_id, quantity, price_fen)
            SELECT p_id, i.product_id, i.quantity, i.price_fen
            FROM unnest(v_ids, v_counts, v_prices) AS i (product_id, quantity, price_fen);
            RETURN QUERY
                SELECT p_id, false, v_code, i.product_id, i.product_name, i.quantity, i.price_fen
                FROM unnest(v_ids, v_names, v_counts, v_prices) AS i (product_id, product_name, quantity, price_fen);
            RETURN;
        END IF;
    END LOOP;
    RAISE EXCEPTION 'PICKUP_CODES_TAKEN';
END
$$;

CREATE OR REPLACE FUNCTION cancel_order(p_order uuid, p_now timestamptz) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    v_order resident_order%ROWTYPE;
    v_line  record;
BEGIN
    UPDATE resident_order o SET status = 'CANCELLED', cancelled_at = p_now
    FROM ordering_window w
    WHERE o.id = p_order AND w.id = o.window_id AND o.status = 'PLACED'
      AND ordering_window_open(w, p_now)
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
