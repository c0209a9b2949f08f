-- What a submission carried, keyed with the server's secret (docs/adr/0053):
-- a retry with the same idempotency key gets the first answer only if it
-- sends the same content. NULL for cases filed before this column existed.
ALTER TABLE cases ADD COLUMN submission_digest TEXT;
