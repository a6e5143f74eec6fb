-- Stock in buckets (docs/orders.md § Stock in buckets).
--
-- A window opening sends thousands of orders at once at a few products. With one stock row per
-- product every order updated one of the same three rows, and each waited for the one before it to
-- commit (the burst's sessions were mostly waiting on Lock:transactionid and Lock:tuple of
-- window_stock). Now a window's stock of a product is split over stock_buckets rows (32 unless the
-- window says otherwise), so parallel orders update different rows:
--   * an order takes a product from its household's bucket (a hash of the household id) with the
--     same conditional update as before, remaining >= quantity: one row, one statement;
--   * when that bucket has too little left, the order falls over to the product's buckets in bucket
--     order, taking what each has until the quantity is met: the last units of a product are found
--     wherever they are, so a window still sells out exactly. A bucket is locked (FOR UPDATE) before
--     it is read and changed, and every taker that holds more than one bucket of a product takes
--     them in ascending bucket order, products in uuid order, so two orders never wait for each
--     other's rows in opposite orders. The failed conditional update of the home bucket locks nothing;
--   * the order item records which buckets it took how much from (stock_buckets, stock_taken), and
--     cancel_order gives each part back to the bucket it came from;
--   * every bucket keeps CHECK (remaining BETWEEN 0 AND quantity): no bucket, hence no product, is
--     ever oversold. What the catalogue shows as remaining is the sum of the buckets, read when
--     asked: a counter kept beside them in the same transaction would be one row every order
--     updates again, the hot row this removes.
-- The order's other rows and guarantees are unchanged (measured: dropping the foreign keys to the
-- window and product rows, which every order takes KEY SHARE locks on, gained nothing measurable;
-- docs/performance.md), so they stay.
ALTER TABLE ordering_window ADD COLUMN stock_buckets smallint NOT NULL DEFAULT 1 CHECK (stock_buckets BETWEEN 1 AND 64);

ALTER TABLE window_stock ADD COLUMN bucket smallint NOT NULL DEFAULT 0 CHECK (bucket BETWEEN 0 AND 63);
ALTER TABLE window_stock ALTER COLUMN bucket DROP DEFAULT;
ALTER TABLE window_stock DROP CONSTRAINT window_stock_pkey;
ALTER TABLE window_stock ADD PRIMARY KEY (window_id, product_id, bucket);

-- The sum of an array, for the check below (CHECK allows functions, not subqueries).
CREATE FUNCTION int_array_sum(a integer[]) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT sum(x) FROM unnest(a) x
$$;

ALTER TABLE order_item ADD COLUMN stock_buckets smallint[];
ALTER TABLE order_item ADD COLUMN stock_taken integer[];
UPDATE order_item SET stock_buckets = '{0}', stock_taken = ARRAY[quantity];
ALTER TABLE order_item ALTER COLUMN stock_buckets SET NOT NULL;
ALTER TABLE order_item ALTER COLUMN stock_taken SET NOT NULL;
-- What an item took adds up to its quantity. The sum is only computed for an item taken from several
-- buckets: the function call on every insert cost the burst about a tenth of place_order's rate.
ALTER TABLE order_item ADD CONSTRAINT order_item_taken_from_stock
    CHECK (cardinality(stock_buckets) BETWEEN 1 AND 64 AND cardinality(stock_taken) = cardinality(stock_buckets)
           AND CASE WHEN cardinality(stock_taken) = 1 THEN stock_taken[1] = quantity
                    ELSE int_array_sum(stock_taken) = quantity END);

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
    v_home     smallint;
    v_line     record;
    v_taken    record;
    v_bucket   record;
    v_left     integer;
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
    v_home := mod(hashtext(p_household::text)::bigint + 2147483648, v_window.stock_buckets);

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
            FOR v_bucket IN SELECT s.bucket FROM window_stock s
                            WHERE s.window_id = p_window AND s.product_id = v_line.product_id AND s.remaining > 0
                            ORDER BY s.bucket LOOP
                SELECT s.remaining INTO v_left FROM window_stock s
                WHERE s.window_id = p_window AND s.product_id = v_line.product_id AND s.bucket = v_bucket.bucket FOR UPDATE;
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
            IF v_need > 0 THEN
                RAISE EXCEPTION 'OUT_OF_STOCK';
            END IF;
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
                SELECT p_id, false, v_code, i.product_id, i.product_name, i.quantity, i.price_fen
                FROM unnest(v_ids, v_names, v_counts, v_prices) AS i (product_id, product_name, quantity, price_fen);
            RETURN;
        END IF;
    END LOOP;
    RAISE EXCEPTION 'PICKUP_CODES_TAKEN';
END
$$;

-- Cancelling gives each part of an item back to the bucket it was taken from, in bucket order (the
-- order in which place_order's fall-over takes them); otherwise as in V24.
CREATE OR REPLACE FUNCTION cancel_order(p_order uuid, p_now timestamptz) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    v_order resident_order%ROWTYPE;
    v_line  record;
    v_part  record;
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

    FOR v_line IN SELECT i.product_id, i.quantity, i.stock_buckets, i.stock_taken
                  FROM order_item i WHERE i.order_id = p_order ORDER BY i.product_id LOOP
        FOR v_part IN SELECT t.bucket, t.units FROM unnest(v_line.stock_buckets, v_line.stock_taken) AS t (bucket, units)
                      ORDER BY t.bucket LOOP
            UPDATE window_stock SET remaining = remaining + v_part.units
            WHERE window_id = v_order.window_id AND product_id = v_line.product_id AND bucket = v_part.bucket;
        END LOOP;
        UPDATE household_quota SET ordered = ordered - v_line.quantity
        WHERE window_id = v_order.window_id AND household_id = v_order.household_id AND product_id = v_line.product_id;
    END LOOP;

    IF v_order.pickup_slot_id IS NOT NULL THEN
        UPDATE pickup_slot SET taken = taken - 1 WHERE id = v_order.pickup_slot_id AND taken > 0;
    END IF;
END
$$;
