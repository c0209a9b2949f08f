-- Token buckets of the citizen forms and the look-up page (docs/adr/0051,
-- 0052), shared by every server process on the database (docs/adr/0102).
-- A key is a purpose and an address or a tracking code, never a name.
CREATE TABLE rate_buckets (
  key TEXT PRIMARY KEY,
  tokens REAL NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX rate_buckets_by_update ON rate_buckets (updated_at);
