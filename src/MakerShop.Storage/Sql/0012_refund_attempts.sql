-- Each retry of a refused refund is a new attempt with its own idempotency key at the provider.
ALTER TABLE refunds ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1);
