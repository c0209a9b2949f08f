import type { Department } from '#src/schema/department.ts';
import type { Holidays } from '#src/schema/holidays.ts';
import type { Province } from '#src/schema/province.ts';
import type { Logger } from './observability/log.ts';

/**
 * The parts of the server that know the list of departments — host names,
 * accounts' departments, the portal, the citizen forms — rebuilt when the
 * content repository's `sites/` changes, without a restart (docs/adr/0104).
 * Every instance polls; the one that made the change reloads at once.
 * What holds state (storage, the content repository, the publish queue, the
 * rate-limit buckets) is shared across rebuilds, so nothing is forgotten.
 * A `sites/` that no longer loads (a hand-made commit) keeps the last good
 * list and says so in the log.
 */
export interface Loaded {
  departments: Department[];
  province: Province;
  /** `sites/_holidays.yaml`: a changed day off changes every deadline computed after it. */
  holidays: Holidays;
}

export interface LiveDepartments<T> {
  current(): T;
  loaded(): Loaded;
  /** Re-reads `sites/`; rebuilds when it changed. Returns what changed, or null. */
  reload(): Promise<{ added: string[]; removed: string[]; changed: string[] } | null>;
}

const byId = (loaded: Loaded) => new Map(loaded.departments.map((d) => [d.id, JSON.stringify(d)]));

export async function liveDepartments<T>(options: {
  load: () => Promise<Loaded>;
  assemble: (loaded: Loaded) => T;
  log: Logger;
}): Promise<LiveDepartments<T>> {
  let loaded = await options.load();
  let fingerprint = JSON.stringify(loaded);
  let current = options.assemble(loaded);
  // Two reloads at once (the poll and a change made here) would assemble twice: one at a time.
  let running: Promise<unknown> = Promise.resolve();

  async function reload() {
    let fresh: Loaded;
    try {
      fresh = await options.load();
    } catch (error) {
      options.log.warn('departments-not-reloaded', { error });
      return null;
    }
    const next = JSON.stringify(fresh);
    if (next === fingerprint) return null;
    const before = byId(loaded);
    const after = byId(fresh);
    const change = {
      added: [...after.keys()].filter((id) => !before.has(id)),
      removed: [...before.keys()].filter((id) => !after.has(id)),
      changed: [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id)),
    };
    current = options.assemble(fresh);
    loaded = fresh;
    fingerprint = next;
    options.log.info('departments-reloaded', change);
    return change;
  }

  return {
    current: () => current,
    loaded: () => loaded,
    reload() {
      const result = running.then(reload, reload);
      running = result.catch(() => undefined);
      return result;
    },
  };
}
