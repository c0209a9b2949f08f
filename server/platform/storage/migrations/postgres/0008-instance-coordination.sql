-- Several processes on one installation (docs/adr/0102-several-instances.md).
-- Named locks are PostgreSQL advisory locks held by a session: no table, and
-- released by the server itself when a process dies.

-- job_claims: which instance ran an occurrence of a scheduled job; the
-- primary key lets exactly one of them insert it.
CREATE TABLE job_claims (
  job TEXT NOT NULL,
  due BIGINT NOT NULL,
  instance TEXT NOT NULL,
  claimed_at BIGINT NOT NULL,
  PRIMARY KEY (job, due)
);
