import type pg from 'pg';
import type { ShareLinkRepository } from '../repository.ts';
import { SHARE_LINK_COLUMNS, shareLinkValues, toShareLink, toShareLinkUse } from '../share-link-rows.ts';

/** Share links of drafts on PostgreSQL (docs/adr/0093). */
export function createPostgresShareLinks(pool: pg.Pool): ShareLinkRepository {
  const rows = async (sql: string, params: unknown[]) =>
    (await pool.query(sql, params)).rows as Array<Record<string, unknown>>;
  return {
    async create(link) {
      await pool.query(
        `INSERT INTO share_links (${SHARE_LINK_COLUMNS.join(', ')}) VALUES (${SHARE_LINK_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
        shareLinkValues(link),
      );
    },
    async find(id) {
      const [row] = await rows('SELECT * FROM share_links WHERE id = $1', [id]);
      return row ? toShareLink(row) : null;
    },
    async listForEntry(departmentId, section, slug) {
      return (
        await rows(
          'SELECT * FROM share_links WHERE department_id = $1 AND section = $2 AND slug = $3 ORDER BY created_at DESC, id',
          [departmentId, section, slug],
        )
      ).map(toShareLink);
    },
    async revoke(id, by, at) {
      return (
        ((
          await pool.query(
            'UPDATE share_links SET revoked_at = $1, revoked_by = $2 WHERE id = $3 AND revoked_at IS NULL',
            [at, by, id],
          )
        ).rowCount ?? 0) === 1
      );
    },
    async recordUse(use) {
      await pool.query('INSERT INTO share_link_uses (link_id, used_at, outcome) VALUES ($1, $2, $3)', [
        use.linkId,
        use.at,
        use.outcome,
      ]);
    },
    async uses(linkId) {
      return (await rows('SELECT * FROM share_link_uses WHERE link_id = $1 ORDER BY used_at, id', [linkId])).map(
        toShareLinkUse,
      );
    },
  };
}
