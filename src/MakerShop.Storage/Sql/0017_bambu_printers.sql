-- A Bambu Lab printer in LAN mode is reached by IP over MQTT and FTPS: beside its address and access code (kept in
-- base_url and api_key like an HTTP printer's), the shop keeps its serial, the SHA-256 fingerprint of the certificate
-- it presented at registration (pinned: another certificate is refused) and its FTPS port.
ALTER TABLE http_printer_links ADD COLUMN bambu_serial TEXT NULL;
ALTER TABLE http_printer_links ADD COLUMN bambu_certificate_sha256 TEXT NULL;
ALTER TABLE http_printer_links ADD COLUMN bambu_ftps_port INTEGER NULL;
