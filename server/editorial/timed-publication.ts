import { loadDepartments } from '#src/content-source/departments.ts';
import { loadSection } from '#src/content-source/entries.ts';
import { type TimedChange, timedMoments } from '#src/content-source/timed-visibility.ts';
import { SECTION_IDS } from '#src/schema/sections.ts';
import { entryId, type EntryKey } from './content-repository/entry-store.ts';
import { MAIN, type ContentRepository } from './content-repository/repository.ts';
import { parseTrailers, type Person, stepTrailers, TRAILER } from './content-repository/workflow-record.ts';
import type { PublicationGate } from './publication-gate.ts';

/**
 * Pages that change on time (docs/adr/0049). Each run looks for the moments
 * of the published entries (`timedMoments`: publishAt, expireAt, a
 * consultation's opening and closing, a procurement notice's closing) that
 * fell since the live site was built (or since the last look), and for each one records the system's step
 * `change-on-time` on `main` through the publication gate, which queues the
 * site's rebuild: nobody presses "Công bố", and the entry's history says the
 * system did it. A moment already recorded is never recorded twice, so a
 * restart, a late tick or a second instance does no harm.
 */

/** The actor of the steps no person takes: "Hệ thống" in the entry's history. */
export const SYSTEM_PERSON: Person = { username: 'he-thong', name: 'Hệ thống' };

/** Moments up to this far back are still applied: a server restarted within it catches up. */
const LOOKBACK_MS = 15 * 60_000;
/** How many recent commits of main are read to know which moments are already recorded. */
const RECORDED_SCAN = 500;

const CHANGE_SUMMARY: Record<TimedChange, string> = {
  'hien-thi': 'Hiển thị bài đúng thời điểm đã định',
  'go-xuong': 'Gỡ bài khỏi trang khi hết thời hạn hiển thị',
  'mo-lay-y-kien': 'Bắt đầu lấy ý kiến góp ý dự thảo',
  'ket-thuc-lay-y-kien': 'Kết thúc lấy ý kiến góp ý dự thảo',
  'dong-thau': 'Đóng thầu đúng thời điểm đã thông báo',
};

export interface DueChange {
  key: EntryKey;
  at: number;
  change: TimedChange;
}

export interface TimedPublicationOptions {
  repo: ContentRepository;
  gate: PublicationGate;
  /**
   * When the live site was built (its `build-info.json`), null when unknown.
   * A moment after it is due whatever its age: a server stopped overnight
   * still closes the consultation that ended meanwhile. Without it, moments
   * of the last 15 minutes and since the previous run are due.
   */
  builtAt?: (site: string) => Promise<number | null>;
}

export function createTimedPublication({ repo, gate, builtAt }: TimedPublicationOptions) {
  let cached: { commit: string; moments: DueChange[] } | null = null;
  let lastRun: number | null = null;

  /** Every timed moment of the entries on main, read again only when main changed. */
  async function momentsOfMain(): Promise<DueChange[]> {
    const commit = (await repo.resolve(MAIN)) ?? '';
    if (cached?.commit === commit) return cached.moments;
    const moments: DueChange[] = [];
    for (const department of await loadDepartments(repo.dir)) {
      for (const section of SECTION_IDS) {
        // An entry that does not parse is not on the site; the build names it (ADR 0045).
        const { value } = await loadSection(repo.dir, department.id, section);
        for (const entry of value ?? []) {
          const key = { site: department.id, section, slug: entry.slug };
          for (const moment of timedMoments(section, entry.data as Record<string, unknown>))
            moments.push({ key, ...moment });
        }
      }
    }
    cached = { commit, moments };
    return moments;
  }

  /** `entry|moment` of the system steps already on main, newest commits first. */
  async function recorded(): Promise<Set<string>> {
    const out = new Set<string>();
    let oid = await repo.resolve(MAIN);
    for (let n = 0; oid && n < RECORDED_SCAN; n++) {
      const commit = await repo.readCommit(oid);
      const t = parseTrailers(commit.message);
      if (t.get(TRAILER.event)?.[0] === 'change-on-time')
        out.add(`${t.get(TRAILER.entry)?.[0]}|${t.get(TRAILER.at)?.[0]}`);
      oid = commit.parent[0] ?? null;
    }
    return out;
  }

  return {
    /** The moments that fell in (since, now], per site, not yet recorded. */
    async due(now: number, since: number): Promise<DueChange[]> {
      const moments: DueChange[] = [];
      const sinceOf = new Map<string, number>();
      for (const moment of await momentsOfMain()) {
        if (moment.at > now) continue;
        let from = sinceOf.get(moment.key.site);
        if (from === undefined) sinceOf.set(moment.key.site, (from = (await builtAt?.(moment.key.site)) ?? since));
        if (moment.at > from) moments.push(moment);
      }
      if (moments.length === 0) return [];
      const done = await recorded();
      return moments
        .filter((m) => !done.has(`${entryId(m.key)}|${new Date(m.at).toISOString()}`))
        .sort((a, b) => a.at - b.at);
    },

    /** The scheduled job's body: record each due change as the system's step; the gate queues the rebuilds. */
    async run(now: number): Promise<DueChange[]> {
      const since = Math.max(lastRun ?? now - LOOKBACK_MS, now - LOOKBACK_MS);
      lastRun = now;
      const changes = await this.due(now, since);
      for (const change of changes) {
        const id = entryId(change.key);
        await gate.apply({
          site: change.key.site,
          entry: change.key,
          files: [],
          by: SYSTEM_PERSON,
          summary: `${CHANGE_SUMMARY[change.change]}: ${id}`,
          trailers: [
            ...stepTrailers(id, 'change-on-time', 'published', SYSTEM_PERSON),
            [TRAILER.at, new Date(change.at).toISOString()],
          ],
        });
      }
      return changes;
    },
  };
}
