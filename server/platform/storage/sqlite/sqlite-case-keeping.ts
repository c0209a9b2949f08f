import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { DisposalDecidedError } from '#server/citizen-services/errors.ts';
import type { DisposalEntry } from '../case-records.ts';
import { RATING_COLUMNS, ratingValues, toDisposalList, toRating } from '../case-row-mapping.ts';
import type { CaseDisposalRepository, CaseRatingRepository } from '../repository.ts';

type Row = Record<string, unknown>;

/**
 * What is kept about cases after they close, on SQLite: the citizen's rating
 * (docs/adr/0058) and the disposal lists the head approves (docs/adr/0059).
 * Every write is one transaction, committed with synchronous = FULL before
 * the caller is answered.
 */
export function createSqliteCaseKeeping(db: DatabaseSync, transaction: <T>(work: () => T) => T) {
  const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...(params as SQLInputValue[])) as Row[];
  const one = (sql: string, ...params: unknown[]) =>
    db.prepare(sql).get(...(params as SQLInputValue[])) as Row | undefined;
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...(params as SQLInputValue[]));

  const caseRatings: CaseRatingRepository = {
    async add(rating) {
      const sql = `INSERT INTO case_ratings (${RATING_COLUMNS.join(', ')}) VALUES (${RATING_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (case_id) DO NOTHING`;
      return Number(run(sql, ...ratingValues(rating)).changes) === 1;
    },
    async find(caseId) {
      const row = one('SELECT * FROM case_ratings WHERE case_id = ?', caseId);
      return row ? toRating(row) : null;
    },
  };

  const pending = (departmentId: string) =>
    one(`SELECT * FROM case_disposals WHERE department_id = ? AND status = 'proposed'`, departmentId);

  const caseDisposals: CaseDisposalRepository = {
    async propose({ id, departmentId, closedBefore, proposedAt, max }) {
      return transaction(() => {
        const waiting = pending(departmentId);
        if (waiting) return toDisposalList(waiting);
        const entries: DisposalEntry[] = all(
          `SELECT id, tracking_code, service, closed_at FROM cases
           WHERE department_id = ? AND closed_at IS NOT NULL AND closed_at < ? ORDER BY closed_at, id LIMIT ?`,
          departmentId,
          closedBefore,
          max,
        ).map((row) => ({
          caseId: String(row.id),
          trackingCode: String(row.tracking_code),
          service: row.service as never,
          closedAt: Number(row.closed_at),
        }));
        if (entries.length === 0) return null;
        run(
          `INSERT INTO case_disposals (id, department_id, proposed_at, closed_before, entries, status) VALUES (?, ?, ?, ?, ?, 'proposed')`,
          id,
          departmentId,
          proposedAt,
          closedBefore,
          JSON.stringify(entries),
        );
        return toDisposalList(pending(departmentId)!);
      });
    },
    async list(departmentId, limit) {
      return all(
        'SELECT * FROM case_disposals WHERE department_id = ? ORDER BY proposed_at DESC, id LIMIT ?',
        departmentId,
        limit,
      ).map(toDisposalList);
    },
    async find(id) {
      const row = one('SELECT * FROM case_disposals WHERE id = ?', id);
      return row ? toDisposalList(row) : null;
    },
    async approve({ id, approvedBy, approvedByName, approvedAt }) {
      return transaction(() => {
        const changed = run(
          `UPDATE case_disposals SET status = 'approved', approved_by = ?, approved_by_name = ?, approved_at = ? WHERE id = ? AND status = 'proposed'`,
          approvedBy,
          approvedByName,
          approvedAt,
          id,
        );
        if (Number(changed.changes) !== 1) throw new DisposalDecidedError({ id });
        const ids = toDisposalList(one('SELECT * FROM case_disposals WHERE id = ?', id)!).entries.map((e) => e.caseId);
        const marks = ids.map(() => '?').join(', ');
        const files = all(`SELECT stored_name FROM case_attachments WHERE case_id IN (${marks})`, ...ids).map((row) =>
          String(row.stored_name),
        );
        // Closed cases only: a list never reaches a case that is still being handled.
        run(`DELETE FROM cases WHERE id IN (${marks}) AND closed_at IS NOT NULL`, ...ids);
        return files;
      });
    },
  };

  return { caseRatings, caseDisposals };
}
