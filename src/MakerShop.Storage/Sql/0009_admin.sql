-- The owner's side of running the shop (issue #8): queue priority, refunds, filament stock, catalog upkeep, settings.

-- Higher runs first, whatever the deadlines say; 0 leaves the job to the scheduler.
ALTER TABLE print_jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;

-- One refund per confirmed payment (its whole amount); the id is the provider's idempotency key.
CREATE TABLE refunds (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders(id),
    payment_id TEXT NOT NULL UNIQUE REFERENCES payments(id),
    provider TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    provider_reference TEXT NULL,
    created_at TEXT NOT NULL,
    settled_at TEXT NULL,
    note TEXT NULL
);
CREATE INDEX ix_refunds_order ON refunds(order_id);

CREATE TABLE spools (
    id TEXT PRIMARY KEY,
    material TEXT NOT NULL,
    colour TEXT NOT NULL,
    brand TEXT NOT NULL,
    grams_at_start REAL NOT NULL,
    grams_left REAL NOT NULL CHECK (grams_left >= 0),
    printer_id TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_spools_printer ON spools(printer_id);

-- The filament each completed job took off a spool; the job id as key makes a repeated completion report a no-op.
CREATE TABLE spool_usage (
    job_id TEXT PRIMARY KEY REFERENCES print_jobs(id),
    spool_id TEXT NULL REFERENCES spools(id),
    printer_id TEXT NULL,
    grams REAL NOT NULL,
    shortfall_grams REAL NOT NULL,
    at TEXT NOT NULL
);

-- A retired product leaves the storefront; orders that name it keep their history.
ALTER TABLE products ADD COLUMN retired_at TEXT NULL;
-- What one unit's G-code extrudes, measured when the G-code was uploaded (null for older rows: measured on demand).
ALTER TABLE products ADD COLUMN filament_grams REAL NULL;

-- Owner-edited settings that override the configuration file's defaults, one row per setting.
CREATE TABLE shop_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
