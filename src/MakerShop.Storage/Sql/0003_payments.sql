-- One row per attempt to collect an order's total; amounts in minor units of the currency shown at checkout.
CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders(id),
    provider TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency TEXT NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    provider_reference TEXT NULL UNIQUE,
    created_at TEXT NOT NULL,
    settled_at TEXT NULL,
    note TEXT NULL
);
CREATE INDEX ix_payments_order ON payments(order_id);

-- Provider events are stored before they act, keyed by the provider's event id: a re-delivered event is one event.
CREATE TABLE payment_events (
    provider TEXT NOT NULL,
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at TEXT NOT NULL,
    processed_at TEXT NULL,
    outcome TEXT NULL,
    PRIMARY KEY (provider, event_id)
);
