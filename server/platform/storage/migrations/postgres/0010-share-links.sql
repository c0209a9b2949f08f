-- Read-only links that show a draft to someone without an account
-- (docs/adr/0093): signed, expiring, revocable, and every use logged.
-- The link names the draft's commit it shows; the signature is never stored.
CREATE TABLE share_links (
  id TEXT PRIMARY KEY,
  department_id TEXT NOT NULL,
  section TEXT NOT NULL,
  slug TEXT NOT NULL,
  commit_oid TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  revoked_by TEXT
);

CREATE INDEX share_links_by_entry ON share_links (department_id, section, slug);

-- One line per use of a link, shown or refused; no address, no browser.
CREATE TABLE share_link_uses (
  id BIGSERIAL PRIMARY KEY,
  link_id TEXT NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
  used_at BIGINT NOT NULL,
  outcome TEXT NOT NULL
);

CREATE INDEX share_link_uses_by_link ON share_link_uses (link_id, used_at);
