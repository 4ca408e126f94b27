-- Set when the owner resets a person's password: they sign in with the temporary one and must choose their own
-- before any other page or API call is allowed.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

-- The first-run set-up link: only a SHA-256 hash of its token is kept. Rows exist only while the shop has no owner;
-- each start replaces them, and creating the first owner deletes them.
CREATE TABLE owner_setup_tokens (
    token_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
