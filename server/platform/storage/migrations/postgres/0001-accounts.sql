-- Staff accounts, sessions, sign-in throttling and the audit log (Điều 11).
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'head', 'deputy', 'editor', 'it-officer', 'contributor')),
  department_id TEXT,
  sections JSONB NOT NULL DEFAULT '[]',
  delegations JSONB NOT NULL DEFAULT '[]',
  status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
  password_hash TEXT NOT NULL,
  must_change_password BOOLEAN NOT NULL,
  password_expires_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  created_by TEXT,
  CHECK ((role = 'admin') = (department_id IS NULL))
);

CREATE INDEX accounts_by_department ON accounts (department_id, role, status);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  ip TEXT,
  user_agent TEXT
);

CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start BIGINT NOT NULL,
  window_count INTEGER NOT NULL,
  locked_until BIGINT,
  next_attempt_at BIGINT NOT NULL
);

CREATE TABLE audit_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_id TEXT,
  actor_username TEXT,
  action TEXT NOT NULL,
  department_id TEXT,
  target_id TEXT,
  target_username TEXT,
  ip TEXT,
  details JSONB NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_by_department ON audit_log (department_id, id);
