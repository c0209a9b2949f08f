-- Online public services (Điều 12–15): cases, their timeline, attached files,
-- spent proof-of-work challenges and which officers handle which service.
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  department_id TEXT NOT NULL,
  service TEXT NOT NULL CHECK (service IN ('khieu-nai-to-cao', 'hoi-dap', 'ho-so', 'gop-y-du-thao', 'phan-hoi-website')),
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
  -- SHA-256 of the client's idempotency key: a retried or double-clicked submission finds its case here.
  idempotency_key_hash TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX cases_by_idempotency_key ON cases (department_id, idempotency_key_hash);
CREATE INDEX cases_queue ON cases (department_id, service, status, received_at);
CREATE INDEX cases_by_assignee ON cases (assigned_to, status);
CREATE INDEX cases_by_due ON cases (department_id, due_at);
CREATE INDEX cases_by_subject ON cases (department_id, service, subject_ref);

CREATE TABLE case_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  actor_id TEXT,
  actor_name TEXT,
  action TEXT NOT NULL,
  status TEXT NOT NULL,
  public_text TEXT,
  internal_note TEXT,
  details TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX case_events_by_case ON case_events (case_id, id);

CREATE TABLE case_attachments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  stored_name TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  kind TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('citizen', 'officer')),
  added_at INTEGER NOT NULL
) STRICT;

CREATE INDEX case_attachments_by_case ON case_attachments (case_id);

CREATE TABLE pow_replays (
  id TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
) STRICT;

CREATE INDEX pow_replays_by_expiry ON pow_replays (expires_at);

CREATE TABLE service_officers (
  department_id TEXT NOT NULL,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  service TEXT NOT NULL,
  PRIMARY KEY (account_id, service)
) STRICT;

CREATE INDEX service_officers_by_department ON service_officers (department_id, service);
