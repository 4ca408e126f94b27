-- Uploaded models, stored once per content hash (a second upload of the same file reuses the row and the file).
CREATE TABLE models (
    sha256 TEXT PRIMARY KEY,
    format TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    path TEXT NOT NULL,
    triangles INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

-- The slice cache: one G-code per (model, profile set); the key is a hash of both.
CREATE TABLE slices (
    slice_key TEXT PRIMARY KEY,
    model_sha256 TEXT NOT NULL REFERENCES models(sha256),
    profile_hash TEXT NOT NULL,
    material TEXT NOT NULL,
    gcode_path TEXT NOT NULL,
    gcode_sha256 TEXT NOT NULL,
    gcode_size INTEGER NOT NULL,
    print_seconds INTEGER NOT NULL,
    filament_g REAL NOT NULL,
    filament_mm REAL NOT NULL,
    layers INTEGER NOT NULL,
    slicer TEXT NULL,
    created_at TEXT NOT NULL
);

-- A quote is an immutable offer: its typed columns are what orders need, the document is what the API shows.
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    model_sha256 TEXT NOT NULL REFERENCES models(sha256),
    slice_key TEXT NOT NULL REFERENCES slices(slice_key),
    material TEXT NOT NULL,
    currency TEXT NOT NULL,
    price_minor INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX ix_quotes_expires ON quotes(expires_at);
