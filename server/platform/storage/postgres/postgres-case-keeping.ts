import type pg from 'pg';
import { DisposalDecidedError } from '#server/citizen-services/errors.ts';
import type { DisposalEntry } from '../case-records.ts';
import { RATING_COLUMNS, ratingValues, toDisposalList, toRating } from '../case-row-mapping.ts';
import type { CaseDisposalRepository, CaseRatingRepository } from '../repository.ts';

type Row = Record<string, unknown>;
type Transaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

/**
 * What is kept about cases after they close, on PostgreSQL: the citizen's
 * rating (docs/adr/0058) and the disposal lists the head approves
 * (docs/adr/0059). The unique keys settle races between server instances.
 */
export function createPostgresCaseKeeping(pool: pg.Pool, transaction: Transaction) {
  const rows = async (db: pg.Pool | pg.PoolClient, sql: string, params: unknown[] = []) =>
    (await db.query(sql, params)).rows as Row[];

  const caseRatings: CaseRatingRepository = {
    async add(rating) {
      const marks = RATING_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
      const result = await pool.query(
        `INSERT INTO case_ratings (${RATING_COLUMNS.join(', ')}) VALUES (${marks}) ON CONFLICT (case_id) DO NOTHING`,
        ratingValues(rating),
      );
      return result.rowCount === 1;
    },
    async find(caseId) {
      const [row] = await rows(pool, 'SELECT * FROM case_ratings WHERE case_id = $1', [caseId]);
      return row ? toRating(row) : null;
    },
  };

  const pendingSql = `SELECT * FROM case_disposals WHERE department_id = $1 AND status = 'proposed'`;

  const caseDisposals: CaseDisposalRepository = {
    async propose({ id, departmentId, closedBefore, proposedAt, max }) {
      return transaction(async (client) => {
        const [waiting] = await rows(client, pendingSql, [departmentId]);
        if (waiting) return toDisposalList(waiting);
        const entries: DisposalEntry[] = (
          await rows(
            client,
            `SELECT id, tracking_code, service, closed_at FROM cases
             WHERE department_id = $1 AND closed_at IS NOT NULL AND closed_at < $2 ORDER BY closed_at, id LIMIT $3`,
            [departmentId, closedBefore, max],
          )
        ).map((row) => ({
          caseId: String(row.id),
          trackingCode: String(row.tracking_code),
          service: row.service as never,
          closedAt: Number(row.closed_at),
        }));
        if (entries.length === 0) return null;
        // Another instance may have proposed meanwhile: the partial unique index keeps one list, and that one is returned.
        await client.query(
          `INSERT INTO case_disposals (id, department_id, proposed_at, closed_before, entries, status) VALUES ($1, $2, $3, $4, $5, 'proposed')
           ON CONFLICT (department_id) WHERE status = 'proposed' DO NOTHING`,
          [id, departmentId, proposedAt, closedBefore, JSON.stringify(entries)],
        );
        const [list] = await rows(client, pendingSql, [departmentId]);
        return list ? toDisposalList(list) : null;
      });
    },
    async list(departmentId, limit) {
      return (
        await rows(
          pool,
          'SELECT * FROM case_disposals WHERE department_id = $1 ORDER BY proposed_at DESC, id LIMIT $2',
          [departmentId, limit],
        )
      ).map(toDisposalList);
    },
    async find(id) {
      const [row] = await rows(pool, 'SELECT * FROM case_disposals WHERE id = $1', [id]);
      return row ? toDisposalList(row) : null;
    },
    async approve({ id, approvedBy, approvedByName, approvedAt }) {
      return transaction(async (client) => {
        const [approved] = await rows(
          client,
          `UPDATE case_disposals SET status = 'approved', approved_by = $1, approved_by_name = $2, approved_at = $3
           WHERE id = $4 AND status = 'proposed' RETURNING *`,
          [approvedBy, approvedByName, approvedAt, id],
        );
        if (!approved) throw new DisposalDecidedError({ id });
        const ids = toDisposalList(approved).entries.map((e) => e.caseId);
        const files = await rows(client, 'SELECT stored_name FROM case_attachments WHERE case_id = ANY($1)', [ids]);
        // Closed cases only: a list never reaches a case that is still being handled.
        await client.query('DELETE FROM cases WHERE id = ANY($1) AND closed_at IS NOT NULL', [ids]);
        return files.map((row) => String(row.stored_name));
      });
    },
  };

  return { caseRatings, caseDisposals };
}
