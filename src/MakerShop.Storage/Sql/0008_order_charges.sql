-- What the customer was charged at checkout, in the order's currency; NULL for orders placed through the API, whose
-- total is the sum of their lines. The tax decision is kept so the invoice and the customs declaration agree.
ALTER TABLE orders ADD COLUMN goods_minor INTEGER NULL;
ALTER TABLE orders ADD COLUMN shipping_minor INTEGER NULL;
ALTER TABLE orders ADD COLUMN tax_minor INTEGER NULL;
ALTER TABLE orders ADD COLUMN duties_minor INTEGER NULL;
ALTER TABLE orders ADD COLUMN tax_regime TEXT NULL;
ALTER TABLE orders ADD COLUMN tax_country TEXT NULL;
-- The rate as invariant decimal text ("0.19"), exact where a REAL would not be.
ALTER TABLE orders ADD COLUMN tax_rate TEXT NULL;
ALTER TABLE orders ADD COLUMN duties_paid_by TEXT NULL;
ALTER TABLE orders ADD COLUMN shipping_service TEXT NULL;
