-- The confirmation e-mail an order is owed, written in the checkout's own transaction: whichever request (the first
-- click, a replayed form) finds it unsent sends it, so a request aborted after commit still gets exactly one e-mail.
CREATE TABLE order_confirmations (
    order_id TEXT PRIMARY KEY REFERENCES orders(id),
    due_at TEXT NOT NULL,
    claimed_at TEXT NULL
) WITHOUT ROWID;

-- The shipping option the customer paid for, as carrier and service (the order's charges keep only its display name),
-- so buying the label defaults to that service rather than the cheapest one on the day.
CREATE TABLE order_shipping_choices (
    order_id TEXT PRIMARY KEY REFERENCES orders(id),
    carrier TEXT NOT NULL,
    service TEXT NOT NULL
) WITHOUT ROWID;
