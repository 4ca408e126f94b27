-- Makers run printers; their country is where parts ship from. The shop's own workshop is the maker "shop", placed in
-- the country most of the existing printers stand in (or DE on an empty database) and owning every existing printer.
CREATE TABLE makers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country_code TEXT NOT NULL,
    active INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

INSERT INTO makers (id, name, country_code, active, updated_at)
SELECT 'shop', 'The shop',
    COALESCE((SELECT country_code FROM printers GROUP BY country_code ORDER BY COUNT(*) DESC, country_code LIMIT 1), 'DE'),
    1, '2026-01-01T00:00:00.0000000Z';

-- A printer that finished a job keeps bed_clear = 0 until the maker (or an auto-eject printer) confirms it, even
-- across going offline; the scheduler gives it nothing until then.
-- (No REFERENCES clause: SQLite cannot add one with a default to a table that has rows; the stores keep it consistent.)
ALTER TABLE printers ADD COLUMN maker_id TEXT NOT NULL DEFAULT 'shop';
ALTER TABLE printers ADD COLUMN enclosed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE printers ADD COLUMN hardened_nozzle INTEGER NOT NULL DEFAULT 0;
ALTER TABLE printers ADD COLUMN bed_clear INTEGER NOT NULL DEFAULT 1;
UPDATE printers SET bed_clear = 0 WHERE status = 'NeedsBedClear';

-- The owner's directives, and why the scheduler sent the job where it went (shown in the admin queue).
ALTER TABLE print_jobs ADD COLUMN pinned_printer_id TEXT NULL;
ALTER TABLE print_jobs ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
ALTER TABLE print_jobs ADD COLUMN assignment_reason TEXT NULL;
