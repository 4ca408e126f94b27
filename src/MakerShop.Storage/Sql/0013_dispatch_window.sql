-- The dispatcher reads a bounded window of the queue per filament instead of the whole queue. These partial indexes hold
-- only waiting jobs, in the two orders the scheduling policies take them, so each window is an index seek plus N rows
-- however long the queue grows.
CREATE INDEX ix_print_jobs_queue_deadline ON print_jobs(material, colour, priority DESC, express DESC,
    (unixepoch(ship_by) - estimated_seconds), queued_at, id) WHERE status = 'Queued' AND held = 0;
CREATE INDEX ix_print_jobs_queue_fifo ON print_jobs(material, colour, priority DESC, queued_at, id)
    WHERE status = 'Queued' AND held = 0;
CREATE INDEX ix_print_jobs_queue_pinned ON print_jobs(pinned_printer_id) WHERE status = 'Queued' AND pinned_printer_id IS NOT NULL;
-- Which makers already print an order's other units: per order in the window, only its printing or printed jobs.
CREATE INDEX ix_print_jobs_order_status ON print_jobs(order_id, status);
