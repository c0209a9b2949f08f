-- Staff accounts, sessions, sign-in throttling and the audit log (Điều 11).
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'head', 'deputy', 'editor', 'it-officer', 'contributor')),
  department_id TEXT,
  sections TEXT NOT NULL DEFAULT '[]',
  delegations TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
  password_expires_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  created_by TEXT,
  CHECK ((role = 'admin') = (department_id IS NULL))
) STRICT;

CREATE INDEX accounts_by_department ON accounts (department_id, role, status);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  ip TEXT,
  user_agent TEXT
) STRICT;

CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  window_count INTEGER NOT NULL,
  locked_until INTEGER,
  next_attempt_at INTEGER NOT NULL
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor_id TEXT,
  actor_username TEXT,
  action TEXT NOT NULL,
  department_id TEXT,
  target_id TEXT,
  target_username TEXT,
  ip TEXT,
  details TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX audit_log_by_department ON audit_log (department_id, id);
