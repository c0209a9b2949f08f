import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { ShareLinkRepository } from '../repository.ts';
import { SHARE_LINK_COLUMNS, shareLinkValues, toShareLink, toShareLinkUse } from '../share-link-rows.ts';

/** Share links of drafts on SQLite (docs/adr/0093). */
export function createSqliteShareLinks(db: DatabaseSync): ShareLinkRepository {
  const run = (sql: string, ...params: SQLInputValue[]) => db.prepare(sql).run(...params);
  const all = (sql: string, ...params: SQLInputValue[]) =>
    db.prepare(sql).all(...params) as Array<Record<string, unknown>>;
  return {
    async create(link) {
      run(
        `INSERT INTO share_links (${SHARE_LINK_COLUMNS.join(', ')}) VALUES (${SHARE_LINK_COLUMNS.map(() => '?').join(', ')})`,
        ...shareLinkValues(link),
      );
    },
    async find(id) {
      const [row] = all('SELECT * FROM share_links WHERE id = ?', id);
      return row ? toShareLink(row) : null;
    },
    async listForEntry(departmentId, section, slug) {
      return all(
        'SELECT * FROM share_links WHERE department_id = ? AND section = ? AND slug = ? ORDER BY created_at DESC, id',
        departmentId,
        section,
        slug,
      ).map(toShareLink);
    },
    async revoke(id, by, at) {
      return (
        Number(
          run('UPDATE share_links SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL', at, by, id)
            .changes,
        ) === 1
      );
    },
    async recordUse(use) {
      run('INSERT INTO share_link_uses (link_id, used_at, outcome) VALUES (?, ?, ?)', use.linkId, use.at, use.outcome);
    },
    async uses(linkId) {
      return all('SELECT * FROM share_link_uses WHERE link_id = ? ORDER BY used_at, id', linkId).map(toShareLinkUse);
    },
  };
}
