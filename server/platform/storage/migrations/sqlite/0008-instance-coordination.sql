-- Several processes on one installation (docs/adr/0102-several-instances.md).
-- leases: a named lock held by one process at a time (the content
-- repository, a site's build), renewed while held and taken over once it
-- expires, so a process that died does not hold it for ever. SQLite serves
-- one server process plus the command lines (new-site, backup) beside it.
CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;

-- job_claims: which instance ran an occurrence of a scheduled job; the
-- primary key lets exactly one of them insert it.
CREATE TABLE job_claims (
  job TEXT NOT NULL,
  due INTEGER NOT NULL,
  instance TEXT NOT NULL,
  claimed_at INTEGER NOT NULL,
  PRIMARY KEY (job, due)
) STRICT;
