import { consultationState } from '../schema/content/consultation.ts';
import type { SectionId } from '../schema/sections.ts';

/**
 * Pages that change on time (docs/adr/0049). The site is static: what a
 * citizen sees is what the last build saw. So the build shows each entry as
 * of its own moment (`buildInstant`), and the server rebuilds a site at every
 * moment one of its entries changes (`timedMoments`): an entry appears at
 * `publishAt`, leaves at `expireAt`, a consultation opens and closes on its
 * days, a procurement notice closes at its deadline.
 */

interface Timed {
  publishAt?: Date;
  expireAt?: Date;
}

/** The moment a build shows the site as of: now, or `CONGSO_BUILD_AT` (a preview, or a test's clock). */
export function buildInstant(env: NodeJS.ProcessEnv = process.env): Date {
  const at = env.CONGSO_BUILD_AT;
  if (!at) return new Date();
  const parsed = /^\d+$/.test(at) ? new Date(Number(at)) : new Date(at);
  return Number.isNaN(parsed.getTime()) ? new Date() : parsed;
}

/** Whether a published entry is on the site at `now`: after its `publishAt`, before its `expireAt`. */
export function isVisibleAt(data: Timed, now: Date): boolean {
  if (data.publishAt && data.publishAt > now) return false;
  if (data.expireAt && data.expireAt <= now) return false;
  return true;
}

export type TimedChange = 'hien-thi' | 'go-xuong' | 'mo-lay-y-kien' | 'ket-thuc-lay-y-kien' | 'dong-thau';

export interface TimedMoment {
  at: number;
  change: TimedChange;
}

const DAY_MS = 86_400_000;

/**
 * Every moment at which the page of this entry changes by itself, with what
 * changes. The consultation's moments are those of `consultationState`
 * (its first day at 00:00 and the end of its last day, Vietnam time).
 */
export function timedMoments(section: SectionId, data: Record<string, unknown>): TimedMoment[] {
  const out: TimedMoment[] = [];
  const date = (v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v : null);
  const publishAt = date(data.publishAt);
  const expireAt = date(data.expireAt);
  if (publishAt) out.push({ at: publishAt.getTime(), change: 'hien-thi' });
  if (expireAt) out.push({ at: expireAt.getTime(), change: 'go-xuong' });
  if (section === 'gop-y') {
    const opens = date(data.opens);
    const closes = date(data.closes);
    if (opens && closes) {
      // Found by asking the state itself, so the moments can never disagree with what the page shows.
      const opening = opens.getTime() - 7 * 3_600_000;
      const closing = closes.getTime() + DAY_MS - 7 * 3_600_000;
      if (consultationState({ opens, closes }, new Date(opening)) === 'dang-lay-y-kien')
        out.push({ at: opening, change: 'mo-lay-y-kien' });
      if (consultationState({ opens, closes }, new Date(closing)) === 'da-ket-thuc')
        out.push({ at: closing, change: 'ket-thuc-lay-y-kien' });
    }
  }
  if (section === 'du-an-dau-thau') {
    const closes = date(data.closes);
    if (closes && data.status === 'dang-moi-thau') out.push({ at: closes.getTime(), change: 'dong-thau' });
  }
  return out;
}
