-- The shop's bank account per currency, shown to customers who pay by transfer.
CREATE TABLE bank_accounts (
    currency TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    iban TEXT NOT NULL,
    bic TEXT NULL,
    bank_name TEXT NULL,
    updated_at TEXT NOT NULL
);

-- Each uploaded bank statement (CAMT.053 or CAMT.054), for the review page and the owner's history.
CREATE TABLE statement_imports (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    account_iban TEXT NULL,
    credit_count INTEGER NOT NULL,
    new_count INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);

-- Money seen arriving by transfer: a statement credit (entry_key unique, so the same entry imported twice is one row)
-- or what the owner typed in from the bank's app. Amounts as the bank wrote them, in any currency.
CREATE TABLE bank_receipts (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    entry_key TEXT NULL UNIQUE,
    import_id TEXT NULL REFERENCES statement_imports(id),
    payment_id TEXT NULL REFERENCES payments(id),
    reference TEXT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    booked_on TEXT NULL,
    bank_reference TEXT NULL,
    debtor_name TEXT NULL,
    remittance TEXT NULL,
    match TEXT NOT NULL,
    status TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    resolved_at TEXT NULL,
    resolved_note TEXT NULL
);
CREATE INDEX ix_bank_receipts_status ON bank_receipts(status, recorded_at);
CREATE INDEX ix_bank_receipts_import ON bank_receipts(import_id);
CREATE INDEX ix_bank_receipts_payment ON bank_receipts(payment_id);
