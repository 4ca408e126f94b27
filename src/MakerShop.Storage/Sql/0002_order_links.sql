-- Private links to an order's page: only the SHA-256 of the token is kept, so a leaked database opens no order page.
CREATE TABLE order_links (
    token_hash TEXT PRIMARY KEY,
    order_id TEXT NOT NULL REFERENCES orders(id),
    created_at TEXT NOT NULL
);
CREATE INDEX ix_order_links_order ON order_links(order_id);
