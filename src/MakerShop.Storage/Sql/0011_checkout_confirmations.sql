-- The confirmation e-mail an order is owed, written in the checkout's own transaction: whichever request (the first
-- click, a replayed form) finds it unsent sends it, so a request aborted after commit still gets exactly one e-mail.
CREATE TABLE order_confirmations (
    order_id TEXT PRIMARY KEY REFERENCES orders(id),
    due_at TEXT NOT NULL,
    claimed_at TEXT NULL
) WITHOUT ROWID;
