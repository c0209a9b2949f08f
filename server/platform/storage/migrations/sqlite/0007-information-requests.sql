-- The sixth online service: requests for information (Luật Tiếp cận thông tin
-- 2016, docs/adr/0048). SQLite cannot change a CHECK constraint in place, so
-- the table is rebuilt as SQLite documents it (ALTER TABLE, "other kinds of
-- table schema changes"): the runner turns foreign keys off around this file
-- and checks them before committing, so the timeline, files and ratings keep
-- pointing at their cases.
CREATE TABLE cases_new (
  id TEXT PRIMARY KEY,
  department_id TEXT NOT NULL,
  service TEXT NOT NULL CHECK (service IN ('khieu-nai-to-cao', 'hoi-dap', 'ho-so', 'gop-y-du-thao', 'phan-hoi-website', 'tiep-can-thong-tin')),
  kind TEXT,
  tracking_code TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  status TEXT NOT NULL,
  subject TEXT NOT NULL,
  subject_ref TEXT,
  payload TEXT NOT NULL,
  contact_email TEXT,
  assigned_to TEXT REFERENCES accounts (id) ON DELETE SET NULL,
  complex INTEGER NOT NULL DEFAULT 0 CHECK (complex IN (0, 1)),
  received_at INTEGER NOT NULL,
  accept_due_at INTEGER NOT NULL,
  resolve_due_at INTEGER,
  due_at INTEGER,
  closed_at INTEGER,
  idempotency_key_hash TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  submission_digest TEXT,
  signed_letter_at INTEGER,
  remote_area INTEGER NOT NULL DEFAULT 0 CHECK (remote_area IN (0, 1)),
  extensions INTEGER NOT NULL DEFAULT 0,
  suspended_at INTEGER
) STRICT;

INSERT INTO cases_new (id, department_id, service, kind, tracking_code, secret_hash, status, subject, subject_ref, payload,
  contact_email, assigned_to, complex, received_at, accept_due_at, resolve_due_at, due_at, closed_at, idempotency_key_hash,
  version, updated_at, submission_digest, signed_letter_at, remote_area, extensions, suspended_at)
SELECT id, department_id, service, kind, tracking_code, secret_hash, status, subject, subject_ref, payload,
  contact_email, assigned_to, complex, received_at, accept_due_at, resolve_due_at, due_at, closed_at, idempotency_key_hash,
  version, updated_at, submission_digest, signed_letter_at, remote_area, extensions, suspended_at
FROM cases;

DROP TABLE cases;
ALTER TABLE cases_new RENAME TO cases;

CREATE UNIQUE INDEX cases_by_idempotency_key ON cases (department_id, idempotency_key_hash);
CREATE INDEX cases_queue ON cases (department_id, service, status, received_at);
CREATE INDEX cases_by_assignee ON cases (assigned_to, status);
CREATE INDEX cases_by_due ON cases (department_id, due_at);
CREATE INDEX cases_by_subject ON cases (department_id, service, subject_ref);
