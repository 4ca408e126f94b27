-- Times are ISO 8601 UTC text ("O" format) so that they sort as text and read the same on PostgreSQL.
CREATE TABLE products (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    price_minor INTEGER NOT NULL,
    price_currency TEXT NOT NULL,
    part_x REAL NOT NULL,
    part_y REAL NOT NULL,
    part_z REAL NOT NULL,
    estimated_print_seconds INTEGER NOT NULL,
    gcode_path TEXT NOT NULL,
    gcode_sha256 TEXT NOT NULL,
    gcode_size INTEGER NOT NULL,
    lead_time_days INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE product_materials (
    product_id TEXT NOT NULL REFERENCES products(id),
    material TEXT NOT NULL,
    colour TEXT NOT NULL,
    PRIMARY KEY (product_id, material, colour)
);

CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    customer_name TEXT NOT NULL,
    customer_email TEXT NOT NULL,
    address_name TEXT NOT NULL,
    address_line1 TEXT NOT NULL,
    address_line2 TEXT NULL,
    address_city TEXT NOT NULL,
    address_postal_code TEXT NOT NULL,
    address_region TEXT NULL,
    address_country TEXT NOT NULL,
    currency TEXT NOT NULL,
    total_minor INTEGER NOT NULL,
    express INTEGER NOT NULL,
    placed_at TEXT NOT NULL,
    ship_by TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_orders_status ON orders(status);

CREATE TABLE order_lines (
    order_id TEXT NOT NULL REFERENCES orders(id),
    line_no INTEGER NOT NULL,
    product_id TEXT NOT NULL,
    product_name TEXT NOT NULL,
    material TEXT NOT NULL,
    colour TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_price_minor INTEGER NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- A retried checkout with the same key returns the first order; the hash catches a key reused for a different request.
CREATE TABLE idempotency_keys (
    idempotency_key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    order_id TEXT NOT NULL REFERENCES orders(id),
    created_at TEXT NOT NULL
);

CREATE TABLE printers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    build_x REAL NOT NULL,
    build_y REAL NOT NULL,
    build_z REAL NOT NULL,
    nozzle_diameter REAL NOT NULL,
    loaded_material TEXT NOT NULL,
    loaded_colour TEXT NOT NULL,
    country_code TEXT NOT NULL,
    auto_eject INTEGER NOT NULL,
    in_service INTEGER NOT NULL,
    status TEXT NOT NULL,
    current_job_id TEXT NULL,
    status_reason TEXT NULL,
    last_seen_at TEXT NULL,
    updated_at TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    telemetry_json TEXT NULL,
    -- The printer's own timestamp of the newest state snapshot applied; an older snapshot arriving late is ignored.
    last_state_at TEXT NULL
);

CREATE TABLE print_jobs (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders(id),
    unit_index INTEGER NOT NULL,
    product_id TEXT NOT NULL,
    material TEXT NOT NULL,
    colour TEXT NOT NULL,
    part_x REAL NOT NULL,
    part_y REAL NOT NULL,
    part_z REAL NOT NULL,
    estimated_seconds INTEGER NOT NULL,
    gcode_path TEXT NOT NULL,
    gcode_sha256 TEXT NOT NULL,
    gcode_size INTEGER NOT NULL,
    ship_by TEXT NOT NULL,
    express INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    status TEXT NOT NULL,
    printer_id TEXT NULL REFERENCES printers(id),
    queued_at TEXT NOT NULL,
    started_at TEXT NULL,
    ended_at TEXT NULL,
    failure_reason TEXT NULL,
    progress REAL NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_print_jobs_status ON print_jobs(status);
CREATE INDEX ix_print_jobs_order ON print_jobs(order_id);

-- One timeline for an order and its jobs, in the order things happened (the id breaks ties between equal times).
CREATE TABLE timeline_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL REFERENCES orders(id),
    job_id TEXT NULL REFERENCES print_jobs(id),
    printer_id TEXT NULL,
    kind TEXT NOT NULL,
    detail TEXT NULL,
    at TEXT NOT NULL
);
CREATE INDEX ix_timeline_events_order ON timeline_events(order_id);
CREATE INDEX ix_timeline_events_job ON timeline_events(job_id);

-- The command outbox: a command is stored before it is published and re-sent until the bridge acknowledges it.
CREATE TABLE printer_commands (
    id TEXT PRIMARY KEY,
    printer_id TEXT NOT NULL REFERENCES printers(id),
    job_id TEXT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_sent_at TEXT NULL,
    send_count INTEGER NOT NULL DEFAULT 0,
    acked_at TEXT NULL,
    accepted INTEGER NULL,
    ack_reason TEXT NULL
);
CREATE INDEX ix_printer_commands_unacked ON printer_commands(acked_at, printer_id);

-- Bridge events already applied, so a re-delivered QoS 1 event changes nothing the second time.
CREATE TABLE processed_printer_events (
    printer_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (printer_id, event_id)
);
