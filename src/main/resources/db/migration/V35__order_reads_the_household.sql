-- The caller's household read inside the order (docs/orders.md § Who may order).
--
-- Until now the service read the caller's household, its community and the risk level that applies
-- to it with a query of its own before calling place_order: two round trips and two transactions
-- per order, the first one the largest single item of the service's CPU per order in the burst's
-- profile (docs/performance.md). place_order now reads them itself, through resident_place, in the
-- same statement and snapshot as the write, and answers the household and the delivery mode with
-- the order.
--
-- resident_place is the organisation's rule, kept in one place: where a person's household is
-- (household, building, grid, community, street) and the risk level that applies to it, the
-- building's own else its community's. A plain SQL function: the planner inlines it into the query
-- that calls it.
CREATE FUNCTION resident_place(p_user uuid)
    RETURNS TABLE (street_id uuid, community_id uuid, grid_id uuid, building_id uuid, household_id uuid,
                   risk_level varchar)
    LANGUAGE sql STABLE AS
$$
SELECT c.street_id, c.id, g.id, b.id, h.id, coalesce(b.risk_level, c.risk_level)
FROM app_user u JOIN household h ON h.id = u.household_id JOIN building b ON b.id = h.building_id
     JOIN grid g ON g.id = b.grid_id JOIN community c ON c.id = g.community_id
WHERE u.id = p_user
$$;

-- The delivery mode follows the risk level that applies to the household (docs/orders.md):
-- HIGH: to the door; MEDIUM: a pickup slot; LOW: pickup.
CREATE FUNCTION delivery_mode(p_risk varchar) RETURNS varchar
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE p_risk WHEN 'HIGH' THEN 'DOOR' WHEN 'MEDIUM' THEN 'PICKUP_SLOT' ELSE 'PICKUP' END
$$;

-- The same rules as V34's, and two more before the window's: the caller belongs to a household
-- (HOUSEHOLD_REQUIRED), checked after the replay so that a person who left the household still
-- gets the answer of an order placed before; and that household is of the window's community
-- (HOUSEHOLD_REQUIRED, as before).
DROP FUNCTION place_order(uuid, uuid, uuid, uuid, uuid, varchar, varchar, varchar, bytea, timestamptz, uuid[], integer[],
                          varchar[]);

CREATE FUNCTION place_order(p_id uuid, p_window uuid, p_user uuid, p_note varchar, p_key varchar, p_hash bytea,
                            p_now timestamptz, p_products uuid[], p_quantities integer[], p_codes varchar[])
    RETURNS TABLE (order_id uuid, replay boolean, household_id uuid, delivery_mode varchar, pickup_code varchar,
                   product_id uuid, product_name varchar, quantity integer, price_fen integer)
    LANGUAGE plpgsql AS
$$
#variable_conflict use_column
DECLARE
    v_window   ordering_window%ROWTYPE;
    v_household uuid;
    v_community uuid;
    v_mode     varchar;
    v_home     smallint;
    v_line     record;
    v_taken    record;
    v_bucket   record;
    v_left     integer;
    v_held     boolean;
    v_skipped  boolean;
    v_need     integer;
    v_part     integer;
    v_code     varchar;
    v_total    bigint := 0;
    v_names    varchar[] := '{}';
    v_prices   integer[] := '{}';
    v_ids      uuid[] := '{}';
    v_counts   integer[] := '{}';
    -- every (product, bucket, units) taken, flat: the items' stock_buckets and stock_taken
    v_from_ids     uuid[] := '{}';
    v_from_buckets smallint[] := '{}';
    v_from_units   integer[] := '{}';
BEGIN
    SELECT o.id INTO order_id FROM resident_order o WHERE o.user_id = p_user AND o.idempotency_key = p_key;
    IF FOUND THEN
        replay := true;
        RETURN NEXT;
        RETURN;
    END IF;

    SELECT r.household_id, r.community_id, delivery_mode(r.risk_level) INTO v_household, v_community, v_mode
    FROM resident_place(p_user) r;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'HOUSEHOLD_REQUIRED';
    END IF;

    SELECT * INTO v_window FROM ordering_window w WHERE w.id = p_window;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'WINDOW_NOT_FOUND';
    END IF;
    IF v_window.community_id <> v_community THEN
        RAISE EXCEPTION 'HOUSEHOLD_REQUIRED';
    END IF;
    IF NOT ordering_window_open(v_window, p_now) THEN
        RAISE EXCEPTION 'WINDOW_CLOSED';
    END IF;
    v_home := mod(hashtext(v_household::text)::bigint + 2147483648, v_window.stock_buckets);

    FOR v_line IN SELECT l.product_id, l.quantity
                  FROM unnest(p_products, p_quantities) AS l (product_id, quantity) ORDER BY l.product_id LOOP
        UPDATE window_stock s SET remaining = s.remaining - v_line.quantity FROM product p
        WHERE s.window_id = p_window AND s.product_id = v_line.product_id AND s.bucket = v_home AND p.id = s.product_id
          AND s.remaining >= v_line.quantity
        RETURNING p.name, p.price_fen, p.per_household_limit INTO v_taken;
        IF FOUND THEN
            v_from_ids := v_from_ids || v_line.product_id;
            v_from_buckets := v_from_buckets || v_home;
            v_from_units := v_from_units || v_line.quantity;
        ELSE
            -- The household's bucket has too little: the product's buckets in bucket order.
            SELECT p.name, p.price_fen, p.per_household_limit INTO v_taken
            FROM window_stock s JOIN product p ON p.id = s.product_id
            WHERE s.window_id = p_window AND s.product_id = v_line.product_id LIMIT 1;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'PRODUCT_NOT_IN_WINDOW';
            END IF;
            v_need := v_line.quantity;
            -- Did the failed update keep the home bucket locked? It does when it had to wait for another
            -- order's lock and then found too little (PostgreSQL locks the row's new version before
            -- rechecking the condition); the row's xmax is then this transaction's id.
            SELECT s.xmax::text = (pg_current_xact_id_if_assigned()::text::bigint % 4294967296)::text INTO v_held
            FROM window_stock s WHERE s.window_id = p_window AND s.product_id = v_line.product_id AND s.bucket = v_home;
            v_held := coalesce(v_held, false);
            v_skipped := false;
            FOR v_bucket IN SELECT s.bucket FROM window_stock s
                            WHERE s.window_id = p_window AND s.product_id = v_line.product_id AND s.remaining > 0
                            ORDER BY s.bucket LOOP
                IF v_held AND v_bucket.bucket < v_home THEN
                    -- Holding a higher bucket, this order must not wait for a lower one: an order falling
                    -- over may hold that one and wait for ours. Take it only if nobody holds it.
                    SELECT s.remaining INTO v_left FROM window_stock s
                    WHERE s.window_id = p_window AND s.product_id = v_line.product_id AND s.bucket = v_bucket.bucket
                    FOR NO KEY UPDATE SKIP LOCKED;
                    IF NOT FOUND THEN
                        v_skipped := true;
                        CONTINUE;
                    END IF;
                ELSE
                    SELECT s.remaining INTO v_left FROM window_stock s
                    WHERE s.window_id = p_window AND s.product_id = v_line.product_id AND s.bucket = v_bucket.bucket
                    FOR NO KEY UPDATE;
                END IF;
                v_part := least(v_left, v_need);
                CONTINUE WHEN v_part <= 0;
                UPDATE window_stock s SET remaining = s.remaining - v_part
                WHERE s.window_id = p_window AND s.product_id = v_line.product_id AND s.bucket = v_bucket.bucket;
                v_from_ids := v_from_ids || v_line.product_id;
                v_from_buckets := v_from_buckets || v_bucket.bucket;
                v_from_units := v_from_units || v_part;
                v_need := v_need - v_part;
                EXIT WHEN v_need = 0;
            END LOOP;
            IF v_need > 0 AND v_skipped THEN
                -- Short, but a bucket skipped above may hold the rest: not a sell-out. The whole
                -- order rolls back (every lock goes) and the service places it again.
                RAISE EXCEPTION 'a stock bucket was busy' USING ERRCODE = 'serialization_failure';
            END IF;
            IF v_need > 0 THEN
                RAISE EXCEPTION 'OUT_OF_STOCK';
            END IF;
        END IF;

        INSERT INTO household_quota AS q (window_id, household_id, product_id, ordered)
        SELECT p_window, v_household, v_line.product_id, v_line.quantity
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
        VALUES (p_id, p_window, v_household, p_user, 'PLACED', v_total, v_mode, v_code, p_note, p_key, p_hash, p_now)
        ON CONFLICT (window_id, pickup_code) DO NOTHING;
        IF FOUND THEN
            IF cardinality(v_ids) = cardinality(v_from_ids) THEN
                -- one bucket per product (the common case)
                INSERT INTO order_item (order_id, product_id, quantity, price_fen, stock_buckets, stock_taken)
                SELECT p_id, i.product_id, i.quantity, i.price_fen, ARRAY[i.bucket], ARRAY[i.quantity]
                FROM unnest(v_ids, v_counts, v_prices, v_from_buckets) AS i (product_id, quantity, price_fen, bucket);
            ELSE
                INSERT INTO order_item (order_id, product_id, quantity, price_fen, stock_buckets, stock_taken)
                SELECT p_id, i.product_id, i.quantity, i.price_fen,
                       ARRAY(SELECT f.bucket FROM unnest(v_from_ids, v_from_buckets) AS f (product_id, bucket)
                             WHERE f.product_id = i.product_id ORDER BY f.bucket),
                       ARRAY(SELECT f.units FROM unnest(v_from_ids, v_from_buckets, v_from_units) AS f (product_id, bucket, units)
                             WHERE f.product_id = i.product_id ORDER BY f.bucket)
                FROM unnest(v_ids, v_counts, v_prices) AS i (product_id, quantity, price_fen);
            END IF;
            RETURN QUERY
                SELECT p_id, false, v_household, v_mode, v_code, i.product_id, i.product_name, i.quantity, i.price_fen
                FROM unnest(v_ids, v_names, v_counts, v_prices) AS i (product_id, product_name, quantity, price_fen);
            RETURN;
        END IF;
    END LOOP;
    RAISE EXCEPTION 'PICKUP_CODES_TAKEN';
END
$$;
