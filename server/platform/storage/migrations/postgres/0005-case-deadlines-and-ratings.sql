-- Deadlines as the law writes them (docs/adr/0056), signed letters (0057)
-- and the citizens' ratings of closed cases (0058).
ALTER TABLE cases ADD COLUMN signed_letter_at BIGINT;
ALTER TABLE cases ADD COLUMN remote_area BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE cases ADD COLUMN extensions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN suspended_at BIGINT;

-- One rating per case: the primary key is the rule, whatever raced to write it.
CREATE TABLE case_ratings (
  case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  department_id TEXT NOT NULL,
  service TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment TEXT,
  channel TEXT NOT NULL CHECK (channel IN ('lookup', 'mail-link')),
  rated_at BIGINT NOT NULL
);

CREATE INDEX case_ratings_by_department ON case_ratings (department_id, rated_at);
