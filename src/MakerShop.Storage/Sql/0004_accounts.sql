-- People who sign in. The security stamp changes with the password, which ends every session signed in before.
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    maker_id TEXT NULL,
    password_hash TEXT NOT NULL,
    security_stamp TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

-- Every owner and maker action and every sign-in attempt: who, what, on what, when, from where. Append only.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_id TEXT NULL,
    user_email TEXT NULL,
    action TEXT NOT NULL,
    target TEXT NULL,
    detail TEXT NULL,
    remote_ip TEXT NULL
);
CREATE INDEX ix_audit_log_at ON audit_log(at);
CREATE INDEX ix_audit_log_user ON audit_log(user_id);
