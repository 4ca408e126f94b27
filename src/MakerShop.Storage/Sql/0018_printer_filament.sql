-- The spools a printer says it holds (Bambu Lab's AMS trays and external spool) and the filament a job it refused
-- needed, as JSON: written with each state report that carries them, apart from telemetry, which other writers replace.
ALTER TABLE printers ADD COLUMN filament_json TEXT NULL;
