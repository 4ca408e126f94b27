-- Fulfilment (issue #7): customs facts per product, shipments with their parcels and customs snapshot, the tracking
-- timeline, and the inbox every tracking webhook is written to before it is acted on.
ALTER TABLE products ADD COLUMN hs_code TEXT NOT NULL DEFAULT '392690';
ALTER TABLE products ADD COLUMN net_weight_grams REAL NULL;

CREATE TABLE shipments (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL UNIQUE REFERENCES orders(id),
    origin_country TEXT NOT NULL,
    destination_country TEXT NOT NULL,
    status TEXT NOT NULL,
    parcels_json TEXT NOT NULL,
    customs_json TEXT NULL,
    provider TEXT NULL,
    carrier TEXT NULL,
    tracking_number TEXT NULL,
    provider_shipment_id TEXT NULL,
    provider_tracker_id TEXT NULL,
    label_url TEXT NULL,
    public_tracking_url TEXT NULL,
    tracking_status TEXT NULL,
    raw_status TEXT NULL,
    raw_status_detail TEXT NULL,
    tracked_at TEXT NULL,
    delivered_at TEXT NULL,
    last_polled_at TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- Carriers recycle numbers, so (carrier, number) finds candidates and the newest shipment wins.
CREATE INDEX ix_shipments_tracking ON shipments(tracking_number, carrier);
CREATE INDEX ix_shipments_tracker ON shipments(provider_tracker_id);
CREATE INDEX ix_shipments_status ON shipments(status);

-- The scans behind the customer's tracking timeline; the same scan reported twice is stored once.
CREATE TABLE shipment_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    shipment_id TEXT NOT NULL REFERENCES shipments(id),
    provider TEXT NOT NULL,
    raw_status TEXT NOT NULL,
    message TEXT NULL,
    location TEXT NULL,
    occurred_at_raw TEXT NOT NULL,
    occurred_at TEXT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (shipment_id, occurred_at_raw, raw_status, message)
);
CREATE INDEX ix_shipment_events_shipment ON shipment_events(shipment_id);

-- Every authentic tracking webhook, stored before it is processed; (provider, event id) makes a redelivery a no-op.
CREATE TABLE webhook_inbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    provider TEXT NOT NULL,
    event_id TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL,
    state TEXT NOT NULL,
    processed_at TEXT NULL,
    outcome TEXT NULL,
    UNIQUE (provider, event_id)
);
CREATE INDEX ix_webhook_inbox_state ON webhook_inbox(state);
