-- Closed cases are destroyed only by a disposal list the head approves
-- (docs/adr/0059). The list stays after its cases are gone: it is the record
-- of what was destroyed, on whose decision and when.
CREATE TABLE case_disposals (
  id TEXT PRIMARY KEY,
  department_id TEXT NOT NULL,
  proposed_at BIGINT NOT NULL,
  closed_before BIGINT NOT NULL,
  -- [{ caseId, trackingCode, service, closedAt }]
  entries JSONB NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'approved')),
  approved_by TEXT,
  approved_by_name TEXT,
  approved_at BIGINT
);

CREATE INDEX case_disposals_by_department ON case_disposals (department_id, proposed_at);
-- At most one list waits for the head per department.
CREATE UNIQUE INDEX case_disposals_one_pending ON case_disposals (department_id) WHERE status = 'proposed';
