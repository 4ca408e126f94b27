-- The short number people read and type for an order ("MS-1042"); the prefix is configuration, the number is stored.
ALTER TABLE orders ADD COLUMN number INTEGER NULL;

-- Orders placed before numbers existed are numbered 1, 2, 3… in the order they were placed.
UPDATE orders SET number = (
    SELECT COUNT(*) FROM orders AS earlier
    WHERE earlier.placed_at < orders.placed_at OR (earlier.placed_at = orders.placed_at AND earlier.id <= orders.id));

-- The unique index is the guarantee: whatever hands out numbers, two orders can never share one.
CREATE UNIQUE INDEX ux_orders_number ON orders(number);

-- One row holding the last number given. Placing an order updates it in the order's own transaction, so the row lock
-- (SQLite's single writer, PostgreSQL's row lock) makes concurrent placements take turns and numbers never repeat.
CREATE TABLE order_number_sequence (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_value INTEGER NOT NULL
);
INSERT INTO order_number_sequence (id, last_value) SELECT 1, COALESCE(MAX(number), 0) FROM orders;
