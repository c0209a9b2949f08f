import { loadSection } from '#src/content-source/entries.ts';
import { isVisibleAt } from '#src/content-source/timed-visibility.ts';
import type { ConsultationEntry } from '#src/schema/content/consultation.ts';
import type { ProcedureEntry } from '#src/schema/content/procedure.ts';

/**
 * The published entries the services refer to: a dossier names a procedure
 * (its required documents are the checklist), a comment names a consultation
 * (open or not). Read from the content repository's folder and kept for a
 * minute, so a burst of submissions does not re-read MDX each time. An
 * entry outside its publish-at/expire-at window is not on the site, so no
 * form may name it either (docs/adr/0049).
 */
export interface ProcedureRef {
  slug: string;
  code: string;
  title: string;
  documents: ProcedureEntry['documents'];
}

export interface ConsultationRef {
  slug: string;
  title: string;
  opens: Date;
  closes: Date;
}

export interface ContentLookup {
  procedure(site: string, code: string): Promise<ProcedureRef | null>;
  consultation(site: string, slug: string): Promise<ConsultationRef | null>;
}

const TTL_MS = 60_000;

export function createContentLookup(contentRoot: string, now: () => number = Date.now): ContentLookup {
  type Windowed<T> = { ref: T; window: { publishAt?: Date; expireAt?: Date } };
  const cache = new Map<string, { at: number; value: Promise<Array<Windowed<unknown>>> }>();
  async function section<T>(
    site: string,
    name: 'thu-tuc-hanh-chinh' | 'gop-y',
    map: (entry: { slug: string; data: unknown }) => T,
  ): Promise<T[]> {
    const key = `${site}/${name}`;
    let hit = cache.get(key);
    if (!hit || now() - hit.at >= TTL_MS) {
      const value = loadSection(contentRoot, site, name).then((result) =>
        result.value.map((entry) => ({
          ref: map(entry as never) as unknown,
          window: entry.data as Windowed<T>['window'],
        })),
      );
      hit = { at: now(), value };
      cache.set(key, hit);
      value.catch(() => cache.delete(key));
    }
    const all = await hit.value;
    return all.filter((e) => isVisibleAt(e.window, new Date(now()))).map((e) => e.ref as T);
  }
  return {
    async procedure(site, code) {
      const all = await section(site, 'thu-tuc-hanh-chinh', (entry) => {
        const data = entry.data as ProcedureEntry;
        return { slug: entry.slug, code: data.code, title: data.title, documents: data.documents };
      });
      return all.find((p) => p.code === code) ?? null;
    },
    async consultation(site, slug) {
      const all = await section(site, 'gop-y', (entry) => {
        const data = entry.data as ConsultationEntry;
        return { slug: entry.slug, title: data.title, opens: data.opens, closes: data.closes };
      });
      return all.find((c) => c.slug === slug) ?? null;
    },
  };
}

/** For tests and for a server without a content folder. */
export function fixedContentLookup(
  procedures: Record<string, ProcedureRef[]>,
  consultations: Record<string, ConsultationRef[]>,
): ContentLookup {
  return {
    async procedure(site, code) {
      return procedures[site]?.find((p) => p.code === code) ?? null;
    },
    async consultation(site, slug) {
      return consultations[site]?.find((c) => c.slug === slug) ?? null;
    },
  };
}
