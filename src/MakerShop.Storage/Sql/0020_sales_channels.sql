-- Sales channels (Shopify first). A connection holds what the owner pasted from the channel's admin; the previous
-- webhook secret is kept while the channel may still sign with it after a rotation.
CREATE TABLE channel_connections (
    channel TEXT PRIMARY KEY,
    shop_domain TEXT NOT NULL,
    webhook_secret TEXT NOT NULL,
    previous_webhook_secret TEXT NULL,
    secret_rotated_at TEXT NULL,
    access_token TEXT NOT NULL,
    connected_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Every authentic delivery as received, written before it is acted on. The unique key makes a redelivery a no-op;
-- state says what became of it (Received, Processing, Processed, Held, Failed) and outcome says it in words.
CREATE TABLE channel_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    webhook_id TEXT NOT NULL,
    event_id TEXT NULL,
    topic TEXT NOT NULL,
    shop_domain TEXT NOT NULL,
    api_version TEXT NULL,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL,
    state TEXT NOT NULL,
    claimed_at TEXT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    outcome TEXT NULL,
    order_id TEXT NULL,
    processed_at TEXT NULL,
    UNIQUE (channel, webhook_id)
);
CREATE INDEX ix_channel_deliveries_state ON channel_deliveries(state, id);

-- An order that came from a channel: its id there makes a second delivery of the same order the same order.
CREATE TABLE channel_orders (
    order_id TEXT PRIMARY KEY REFERENCES orders(id),
    channel TEXT NOT NULL,
    external_id TEXT NOT NULL,
    external_number TEXT NOT NULL,
    currency TEXT NOT NULL,
    subtotal_minor INTEGER NOT NULL,
    shipping_minor INTEGER NOT NULL,
    tax_minor INTEGER NOT NULL,
    total_minor INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (channel, external_id)
);

-- The outbox of fulfilments owed to a channel: one per shipment, written in the transaction that gave the shipment its
-- tracking number, sent and retried with back-off until the channel accepts it.
CREATE TABLE channel_fulfilments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    order_id TEXT NOT NULL REFERENCES orders(id),
    shipment_id TEXT NOT NULL UNIQUE,
    carrier TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    tracking_url TEXT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT NULL,
    external_fulfilment_id TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_channel_fulfilments_due ON channel_fulfilments(state, next_attempt_at);
