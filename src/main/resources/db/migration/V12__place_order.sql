-- Placing an order in one round trip (docs/orders.md § Why one function).
--
-- A window opening sends thousands of orders at the same three stock rows. Each order locks the
-- rows of its products until it commits; when the order was six to ten statements sent one by one
-- from the service, every lock was held across that many round trips, and under load the other
-- orders queued behind it (the benchmark saw most database sessions waiting on a row lock while
-- the holder sat "idle in transaction"). Called on its own (autocommit), this function is one
-- statement and one transaction: the locks are held from the stock update to the commit, inside
-- the database, with no round trip in between.
--
-- The rules it enforces, all or nothing (any refusal rolls back everything it did):
--   * the same (user, Idempotency-Key) answers the earlier order (replay = true, nothing written);
--     two such requests at once: the second fails on resident_order_once and the caller replays;
--   * the window exists (WINDOW_NOT_FOUND), is the household's community's (HOUSEHOLD_REQUIRED) and
--     is open at p_now (WINDOW_CLOSED);
--   * product by product in uuid order (the same order for every order, so two orders never wait
--     for each other's rows in opposite orders), stock is taken only if enough remains
--     (OUT_OF_STOCK, or PRODUCT_NOT_IN_WINDOW when the window does not sell it) and the household's
--     counter only rises up to the product's limit (LIMIT_EXCEEDED);
--   * the pickup code is the first of p_codes (random, from the service) not yet used in the window.
-- A refusal is raised as SQLSTATE P0001 with the error code as its message; OrderLedger maps it.
CREATE FUNCTION place_order(p_id uuid, p_window uuid, p_community uuid, p_household uuid, p_user uuid,
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
    IF p_now < v_window.opens_at OR p_now >= v_window.closes_at THEN
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
