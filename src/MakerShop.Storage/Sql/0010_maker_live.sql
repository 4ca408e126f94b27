-- Temperature history for the printer page's chart: at most one row per printer per sampling interval, pruned past
-- the retention window, so the table stays bounded however often printers report.
CREATE TABLE printer_temperature_samples (
    printer_id TEXT NOT NULL REFERENCES printers(id),
    at TEXT NOT NULL,
    nozzle_actual REAL NULL,
    nozzle_target REAL NULL,
    bed_actual REAL NULL,
    bed_target REAL NULL,
    PRIMARY KEY (printer_id, at)
) WITHOUT ROWID;

CREATE INDEX ix_printer_temperature_samples_at ON printer_temperature_samples (at);

-- OctoPrint and Moonraker printers that makers registered from the maker area (configured ones stay in configuration).
-- The API key is what the shop sends to the printer, so it is kept as given; pages only ever show its last characters.
CREATE TABLE http_printer_links (
    printer_id TEXT PRIMARY KEY REFERENCES printers(id),
    base_url TEXT NOT NULL,
    api_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
