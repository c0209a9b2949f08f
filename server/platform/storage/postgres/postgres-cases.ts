import type pg from 'pg';
import { CaseConflictError, CaseNotFoundError, TrackingCodeTakenError } from '#server/citizen-services/errors.ts';
import {
  ATTACHMENT_COLUMNS,
  attachmentValues,
  CASE_COLUMNS,
  caseQueryWhere,
  caseValues,
  EVENT_COLUMNS,
  eventValues,
  patchAssignments,
  toAttachment,
  toCaseCount,
  toCase,
  toCaseEvent,
  toExistingCase,
} from '../case-row-mapping.ts';
import type { CaseRepository, ReplayRepository, ServiceGrantRepository } from '../repository.ts';

type Row = Record<string, unknown>;
type Transaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

const PG_UNIQUE_VIOLATION = '23505';
const marks = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${i + from}`).join(', ');
const INSERT_CASE = `INSERT INTO cases (${CASE_COLUMNS.join(', ')}) VALUES (${marks(CASE_COLUMNS.length)})
  ON CONFLICT (department_id, idempotency_key_hash) DO NOTHING RETURNING id`;
const INSERT_EVENT = `INSERT INTO case_events (${EVENT_COLUMNS.join(', ')}) VALUES (${marks(EVENT_COLUMNS.length)})`;
const INSERT_ATTACHMENT = `INSERT INTO case_attachments (${ATTACHMENT_COLUMNS.join(', ')}) VALUES (${marks(ATTACHMENT_COLUMNS.length)})`;

/**
 * Cases on PostgreSQL. The idempotency key is settled by the unique index
 * (ON CONFLICT DO NOTHING), so two servers receiving the same retry at once
 * still write one case; the loser reads the winner's row once it commits.
 */
export function createPostgresCases(pool: pg.Pool, transaction: Transaction) {
  const rows = async (db: pg.Pool | pg.PoolClient, sql: string, params: unknown[] = []) =>
    (await db.query(sql, params)).rows as Row[];

  const cases: CaseRepository = {
    async create(input) {
      const { record, event, attachments, idempotencyKeyHash } = input;
      try {
        const created = await transaction(async (client) => {
          const inserted = await rows(client, INSERT_CASE, caseValues(input, 'boolean'));
          if (inserted.length === 0) return false;
          await client.query(INSERT_EVENT, eventValues(record.id, event));
          for (const attachment of attachments)
            await client.query(INSERT_ATTACHMENT, attachmentValues(record.id, attachment));
          return true;
        });
        if (created) return { record, created: true, submissionDigest: input.submissionDigest ?? null };
      } catch (error) {
        if (
          (error as { code?: string }).code === PG_UNIQUE_VIOLATION &&
          /tracking_code/.test(String((error as { constraint?: string }).constraint))
        ) {
          throw new TrackingCodeTakenError({ trackingCode: record.trackingCode });
        }
        throw error;
      }
      const [existing] = await rows(
        pool,
        'SELECT * FROM cases WHERE department_id = $1 AND idempotency_key_hash = $2',
        [record.departmentId, idempotencyKeyHash],
      );
      return toExistingCase(existing!);
    },
    async findById(id) {
      const [row] = await rows(pool, 'SELECT * FROM cases WHERE id = $1', [id]);
      return row ? toCase(row) : null;
    },
    async findByTrackingCode(trackingCode) {
      const [row] = await rows(pool, 'SELECT * FROM cases WHERE tracking_code = $1', [trackingCode]);
      return row ? toCase(row) : null;
    },
    async list(query) {
      const { where, params } = caseQueryWhere(query, (i) => `$${i}`);
      const n = params.length;
      const found = await rows(
        pool,
        `SELECT * FROM cases WHERE ${where} ORDER BY received_at, id LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, query.limit, query.offset ?? 0],
      );
      return found.map(toCase);
    },
    async update({ id, expectedVersion, patch, event, attachments = [] }) {
      return transaction(async (client) => {
        const assignments = patchAssignments(patch, 'boolean');
        const set = [...assignments.map(([column], i) => `${column} = $${i + 1}`), 'version = version + 1'].join(', ');
        const n = assignments.length;
        const [updated] = await rows(
          client,
          `UPDATE cases SET ${set} WHERE id = $${n + 1} AND version = $${n + 2} RETURNING *`,
          [...assignments.map(([, v]) => v), id, expectedVersion],
        );
        if (!updated) {
          const [exists] = await rows(client, 'SELECT id FROM cases WHERE id = $1', [id]);
          if (!exists) throw new CaseNotFoundError({});
          throw new CaseConflictError({ caseId: id });
        }
        await client.query(INSERT_EVENT, eventValues(id, event));
        for (const attachment of attachments) await client.query(INSERT_ATTACHMENT, attachmentValues(id, attachment));
        return toCase(updated);
      });
    },
    async events(caseId) {
      return (await rows(pool, 'SELECT * FROM case_events WHERE case_id = $1 ORDER BY id', [caseId])).map(toCaseEvent);
    },
    async attachments(caseId) {
      return (
        await rows(pool, 'SELECT * FROM case_attachments WHERE case_id = $1 ORDER BY added_at, id', [caseId])
      ).map(toAttachment);
    },
    async purgeClosedBefore(at) {
      return transaction(async (client) => {
        const files = await rows(
          client,
          'SELECT a.stored_name FROM case_attachments a JOIN cases c ON c.id = a.case_id WHERE c.closed_at IS NOT NULL AND c.closed_at < $1',
          [at],
        );
        await client.query('DELETE FROM cases WHERE closed_at IS NOT NULL AND closed_at < $1', [at]);
        return files.map((row) => String(row.stored_name));
      });
    },
    async countByStatus() {
      return (
        await rows(
          pool,
          'SELECT department_id, service, status, count(*) AS n FROM cases GROUP BY department_id, service, status ORDER BY 1, 2, 3',
        )
      ).map(toCaseCount);
    },
  };

  const replays: ReplayRepository = {
    async consume(id, expiresAt) {
      const result = await pool.query(
        'INSERT INTO pow_replays (id, expires_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
        [id, expiresAt],
      );
      return result.rowCount === 1;
    },
    async deleteExpired(now) {
      return (await pool.query('DELETE FROM pow_replays WHERE expires_at <= $1', [now])).rowCount ?? 0;
    },
  };

  const serviceGrants: ServiceGrantRepository = {
    async list(departmentId) {
      const found = await rows(
        pool,
        'SELECT * FROM service_officers WHERE department_id = $1 ORDER BY account_id, service',
        [departmentId],
      );
      return found.map((row) => ({
        departmentId: String(row.department_id),
        accountId: String(row.account_id),
        service: row.service as never,
      }));
    },
    async set(departmentId, accountId, services) {
      await transaction(async (client) => {
        await client.query('DELETE FROM service_officers WHERE account_id = $1', [accountId]);
        for (const service of new Set(services)) {
          await client.query('INSERT INTO service_officers (department_id, account_id, service) VALUES ($1, $2, $3)', [
            departmentId,
            accountId,
            service,
          ]);
        }
      });
    },
  };

  return { cases, replays, serviceGrants };
}
