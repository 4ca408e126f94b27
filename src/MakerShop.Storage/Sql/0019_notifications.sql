-- Outbound webhooks and notifications. Events are read from what the shop already records in the transaction of each
-- change (timeline entries; printers' state), so an event exists exactly when its change does, and each is turned
-- into deliveries once: the relay moves its cursor in the same transaction as the events it writes.

-- An integrator's endpoint: where, which events (wire names, comma-separated), the signing secret.
CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    description TEXT NULL,
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

-- Every event the shop raised, with the JSON an integrator receives (its "data" part).
CREATE TABLE shop_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    order_id TEXT NULL,
    printer_id TEXT NULL,
    job_id TEXT NULL,
    maker_id TEXT NULL,
    subject_label TEXT NOT NULL,
    detail TEXT NULL,
    during_print INTEGER NOT NULL DEFAULT 0,
    data_json TEXT NOT NULL,
    occurred_at TEXT NOT NULL
);

-- The outbox of webhook deliveries: one row per (endpoint, event), tried until a 2xx or the attempts run out.
CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL REFERENCES shop_events(event_id),
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE state = 'Pending';

-- The delivery log the owner reads: one row per attempt.
CREATE TABLE webhook_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL,
    at TEXT NOT NULL,
    http_status INTEGER NULL,
    outcome TEXT NOT NULL,
    error TEXT NULL
);
CREATE INDEX ix_webhook_attempts_delivery ON webhook_attempts(delivery_id);

-- Where the relay has read up to, per source. It starts at the present: history is not replayed to new endpoints.
CREATE TABLE event_relay_cursors (
    name TEXT PRIMARY KEY,
    last_id INTEGER NOT NULL
);
INSERT INTO event_relay_cursors (name, last_id) SELECT 'timeline', COALESCE(MAX(id), 0) FROM timeline_events;

-- The printer state the relay last saw, to raise "went offline" and "needs its bed cleared" once per change.
CREATE TABLE printer_watch (
    printer_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    bed_clear INTEGER NOT NULL
);
INSERT INTO printer_watch (printer_id, status, bed_clear) SELECT id, status, bed_clear FROM printers;

-- What each person wants to hear and where.
CREATE TABLE notification_preferences (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    language TEXT NOT NULL,
    ntfy_topic_url TEXT NULL,
    discord_webhook_url TEXT NULL,
    telegram_chat_id TEXT NULL,
    choices TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Grouped messages: open while repeats are counted in, then due, then sent (or retried with back-off).
CREATE TABLE notification_batches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    topic TEXT NOT NULL,
    subject_key TEXT NOT NULL,
    subject_label TEXT NOT NULL,
    count INTEGER NOT NULL,
    last_detail TEXT NULL,
    first_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT NULL,
    sent_at TEXT NULL
);
CREATE UNIQUE INDEX ux_notification_batches_open ON notification_batches(user_id, channel, topic, subject_key) WHERE state = 'Open';
CREATE INDEX ix_notification_batches_due ON notification_batches(next_attempt_at) WHERE state IN ('Open', 'Retrying');
