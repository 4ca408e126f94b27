-- A quoted part's G-code is sliced for one printer model (its profile's bed, height and nozzle); its jobs print only on
-- printers of that model. NULL on every other job: any printer the part fits will do.
ALTER TABLE print_jobs ADD COLUMN printer_model TEXT;
ALTER TABLE print_jobs ADD COLUMN printer_model_x REAL;
ALTER TABLE print_jobs ADD COLUMN printer_model_y REAL;
ALTER TABLE print_jobs ADD COLUMN printer_model_z REAL;
ALTER TABLE print_jobs ADD COLUMN printer_model_nozzle REAL;
