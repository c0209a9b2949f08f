import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { CaseConflictError, CaseNotFoundError, TrackingCodeTakenError } from '#server/citizen-services/errors.ts';
import type { CreatedCase, NewCase } from '../case-records.ts';
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
import { withoutWaitingForDisk } from './sqlite-coordination.ts';

type Row = Record<string, unknown>;
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;

/**
 * How long the first submission of a batch waits for others before the
 * commit: one fsync (1.5–3 ms on the test VM) then serves everything that
 * arrived meanwhile. Without the wait, HTTP requests reach the queue one per
 * event-loop turn and each pays its own fsync, which blocks the loop. On
 * the storage thread the wait blocks nothing, and is longer (docs/adr/0054).
 */
const GROUP_COMMIT_WAIT_MS = 2;
const MAX_BATCH = 512;
/** How often a gathering group looks whether more submissions came. */
const GATHER_TICK_MS = 1;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const INSERT_CASE = `INSERT INTO cases (${CASE_COLUMNS.join(', ')}) VALUES (${placeholders(CASE_COLUMNS.length)})`;
const INSERT_EVENT = `INSERT INTO case_events (${EVENT_COLUMNS.join(', ')}) VALUES (${placeholders(EVENT_COLUMNS.length)})`;
const INSERT_ATTACHMENT = `INSERT INTO case_attachments (${ATTACHMENT_COLUMNS.join(', ')}) VALUES (${placeholders(ATTACHMENT_COLUMNS.length)})`;

interface Pending {
  input: NewCase;
  resolve: (value: CreatedCase) => void;
  reject: (error: unknown) => void;
}

/**
 * Cases on SQLite. Creation uses group commit: submissions arriving in the
 * same turn of the event loop are written in one transaction, each inside
 * its own savepoint, so one fsync of the WAL makes all of them durable and
 * one bad submission never takes the others down. Nobody is answered before
 * COMMIT returns (synchronous = FULL): an acknowledged case survives a crash.
 */
export function createSqliteCases(
  db: DatabaseSync,
  transaction: <T>(work: () => T) => T,
  groupCommitWaitMs = GROUP_COMMIT_WAIT_MS,
) {
  const cache = new Map<string, ReturnType<DatabaseSync['prepare']>>();
  const statement = (sql: string) => {
    let prepared = cache.get(sql);
    if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
    return prepared;
  };
  const all = (sql: string, ...params: unknown[]) => statement(sql).all(...(params as SQLInputValue[])) as Row[];
  const one = (sql: string, ...params: unknown[]) =>
    statement(sql).get(...(params as SQLInputValue[])) as Row | undefined;
  const run = (sql: string, ...params: unknown[]) => statement(sql).run(...(params as SQLInputValue[]));

  let queue: Pending[] = [];
  let scheduled = false;
  let timer: NodeJS.Timeout | null = null;
  let firstAt = 0;
  let seen = 0;

  /**
   * The group waits while submissions keep arriving, up to
   * `groupCommitWaitMs` from the first: a lone citizen, or a few who all
   * wait for this commit, are not kept waiting for others who are not
   * coming; a stream of them shares one fsync.
   */
  function gather(): void {
    if (queue.length > seen && performance.now() - firstAt + GATHER_TICK_MS <= groupCommitWaitMs) {
      seen = queue.length;
      timer = setTimeout(gather, GATHER_TICK_MS);
      return;
    }
    flush();
  }

  function writeOne(input: NewCase): CreatedCase {
    const { record, event, attachments, idempotencyKeyHash } = input;
    if (idempotencyKeyHash !== null) {
      const existing = one(
        'SELECT * FROM cases WHERE department_id = ? AND idempotency_key_hash = ?',
        record.departmentId,
        idempotencyKeyHash,
      );
      if (existing) return toExistingCase(existing);
    }
    try {
      run(INSERT_CASE, ...caseValues(input, 'integer'));
    } catch (error) {
      const code = (error as { errcode?: number }).errcode;
      if (
        (code === SQLITE_CONSTRAINT_UNIQUE || code === SQLITE_CONSTRAINT_PRIMARYKEY) &&
        /tracking_code/.test(String(error))
      ) {
        throw new TrackingCodeTakenError({ trackingCode: record.trackingCode });
      }
      throw error;
    }
    run(INSERT_EVENT, ...eventValues(record.id, event));
    for (const attachment of attachments) run(INSERT_ATTACHMENT, ...attachmentValues(record.id, attachment));
    return { record, created: true, submissionDigest: input.submissionDigest ?? null };
  }

  function flush(): void {
    scheduled = false;
    timer = null;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    const outcomes: Array<{ ok: true; value: CreatedCase } | { ok: false; error: unknown }> = [];
    try {
      transaction(() => {
        for (const item of batch) {
          db.exec('SAVEPOINT one_case');
          try {
            outcomes.push({ ok: true, value: writeOne(item.input) });
            db.exec('RELEASE one_case');
          } catch (error) {
            db.exec('ROLLBACK TO one_case');
            db.exec('RELEASE one_case');
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // COMMIT itself failed (disk full, I/O error): nothing of the batch is durable, so nobody gets a code.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  const cases: CaseRepository = {
    create(input) {
      return new Promise((resolve, reject) => {
        queue.push({ input, resolve, reject });
        if (queue.length >= MAX_BATCH) {
          if (timer) clearTimeout(timer);
          timer = null;
          scheduled = false;
          flush();
        } else if (!scheduled) {
          scheduled = true;
          firstAt = performance.now();
          seen = queue.length;
          timer = setTimeout(gather, GATHER_TICK_MS);
        }
      });
    },
    async findById(id) {
      const row = one('SELECT * FROM cases WHERE id = ?', id);
      return row ? toCase(row) : null;
    },
    async findByTrackingCode(trackingCode) {
      const row = one('SELECT * FROM cases WHERE tracking_code = ?', trackingCode);
      return row ? toCase(row) : null;
    },
    async list(query) {
      const { where, params } = caseQueryWhere(query, () => '?');
      const rows = all(
        `SELECT * FROM cases WHERE ${where} ORDER BY received_at, id LIMIT ? OFFSET ?`,
        ...params,
        query.limit,
        query.offset ?? 0,
      );
      return rows.map(toCase);
    },
    async update({ id, expectedVersion, patch, event, attachments = [] }) {
      return transaction(() => {
        const assignments = patchAssignments(patch, 'integer');
        const set = [...assignments.map(([column]) => `${column} = ?`), 'version = version + 1'].join(', ');
        const result = run(
          `UPDATE cases SET ${set} WHERE id = ? AND version = ?`,
          ...assignments.map(([, v]) => v),
          id,
          expectedVersion,
        );
        if (Number(result.changes) !== 1) {
          if (!one('SELECT id FROM cases WHERE id = ?', id)) throw new CaseNotFoundError({});
          throw new CaseConflictError({ caseId: id });
        }
        run(INSERT_EVENT, ...eventValues(id, event));
        for (const attachment of attachments) run(INSERT_ATTACHMENT, ...attachmentValues(id, attachment));
        return toCase(one('SELECT * FROM cases WHERE id = ?', id)!);
      });
    },
    async events(caseId) {
      return all('SELECT * FROM case_events WHERE case_id = ? ORDER BY id', caseId).map(toCaseEvent);
    },
    async attachments(caseId) {
      return all('SELECT * FROM case_attachments WHERE case_id = ? ORDER BY added_at, id', caseId).map(toAttachment);
    },
    async purgeClosedBefore(at) {
      return transaction(() => {
        const files = all(
          'SELECT a.stored_name FROM case_attachments a JOIN cases c ON c.id = a.case_id WHERE c.closed_at IS NOT NULL AND c.closed_at < ?',
          at,
        ).map((row) => String(row.stored_name));
        run('DELETE FROM cases WHERE closed_at IS NOT NULL AND closed_at < ?', at);
        return files;
      });
    },
    async countByStatus() {
      return all(
        'SELECT department_id, service, status, count(*) AS n FROM cases GROUP BY department_id, service, status ORDER BY 1, 2, 3',
      ).map(toCaseCount);
    },
  };

  const replays: ReplayRepository = {
    async consume(id, expiresAt) {
      // A challenge spent again after a power cut costs its sender another proof of work, nothing more (docs/adr/0051, 0054).
      return withoutWaitingForDisk(
        db,
        () =>
          Number(
            run('INSERT INTO pow_replays (id, expires_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING', id, expiresAt)
              .changes,
          ) === 1,
      );
    },
    async deleteExpired(now) {
      return Number(run('DELETE FROM pow_replays WHERE expires_at <= ?', now).changes);
    },
  };

  const serviceGrants: ServiceGrantRepository = {
    async list(departmentId) {
      return all(
        'SELECT * FROM service_officers WHERE department_id = ? ORDER BY account_id, service',
        departmentId,
      ).map((row) => ({
        departmentId: String(row.department_id),
        accountId: String(row.account_id),
        service: row.service as never,
      }));
    },
    async set(departmentId, accountId, services) {
      transaction(() => {
        run('DELETE FROM service_officers WHERE account_id = ?', accountId);
        for (const service of new Set(services)) {
          run(
            'INSERT INTO service_officers (department_id, account_id, service) VALUES (?, ?, ?)',
            departmentId,
            accountId,
            service,
          );
        }
      });
    },
  };

  /** Writes the waiting batch now (closing): nobody who submitted is left without an answer. */
  const flushCases = () => {
    if (timer) clearTimeout(timer);
    flush();
  };

  return { cases, replays, serviceGrants, flushCases };
}
