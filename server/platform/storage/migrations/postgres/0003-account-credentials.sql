-- Who saw an account's current one-time password, and the official e-mail
-- address one-time passwords are sent to (docs/adr/0017). An official
-- address belongs to one person: unique, stored in lower case.
ALTER TABLE accounts ADD COLUMN email TEXT;
ALTER TABLE accounts ADD COLUMN credentials_seen_by TEXT;
CREATE UNIQUE INDEX accounts_email_unique ON accounts (email);
CREATE INDEX accounts_by_witness ON accounts (credentials_seen_by);
-- An account's history (resets, first sign-ins) is read by target.
CREATE INDEX audit_log_by_target ON audit_log (target_id, id);
