import { describe, expect, it } from 'vitest';
import type { Entry } from '../content-source/entries.ts';
import { baseRecords, planRecent, RECENT_LIMIT, recordDigests, type SearchBase } from './search-delta.ts';
import { searchRecord } from './search-records.ts';

const news = (slug: string, text: string): Entry =>
  ({
    site: 's',
    section: 'tin-tuc',
    slug,
    file: `content/s/tin-tuc/${slug}.mdx`,
    data: { title: slug, date: new Date('2026-11-02T08:00:00+07:00'), category: 'thong-bao' },
    html: `<p>${text}</p>`,
    text,
  }) as unknown as Entry;

const urlOf = (e: Entry) => searchRecord(e).url;

/** The index as written for these entries: each record's digest, and an id per address. */
function baseOf(entries: Entry[]): SearchBase {
  return {
    records: baseRecords(recordDigests(entries)),
    ids: new Map(entries.map((e, i) => [urlOf(e), `vi_${i}`])),
  };
}

describe('what a publication writes into the search index (docs/adr/0110)', () => {
  const a = news('a', 'Một');
  const b = news('b', 'Hai');
  const c = news('c', 'Ba');
  const base = baseOf([a, b, c]);

  it('writes nothing when no record changed', () => {
    expect(planRecent(base, recordDigests([a, b, c]))).toEqual({ recent: [], superseded: [], key: '' });
  });

  it('puts a new entry in the recent index and hides nothing', () => {
    const d = news('d', 'Bốn');
    const plan = planRecent(base, recordDigests([a, b, c, d]))!;
    expect(plan.recent).toEqual([d]);
    expect(plan.superseded).toEqual([]);
  });

  it('puts an edited entry in the recent index and hides its record in the parts', () => {
    const edited = news('b', 'Hai, đã sửa');
    const plan = planRecent(base, recordDigests([a, edited, c]))!;
    expect(plan.recent).toEqual([edited]);
    expect(plan.superseded).toEqual(['vi_1']);
  });

  it('hides the record of an entry taken down, and writes no recent record for it', () => {
    const plan = planRecent(base, recordDigests([a, c]))!;
    expect(plan.recent).toEqual([]);
    expect(plan.superseded).toEqual(['vi_1']);
  });

  it('gives the same plan the same key, and a different plan another', () => {
    const one = planRecent(base, recordDigests([a, c]))!;
    const again = planRecent(base, recordDigests([c, a]))!;
    const other = planRecent(base, recordDigests([a, b]))!;
    expect(again.key).toBe(one.key);
    expect(other.key).not.toBe(one.key);
  });

  it('asks for the parts to be rewritten when a changed record has no known id', () => {
    const partial: SearchBase = { ...base, ids: new Map([[urlOf(a), 'vi_0']]) };
    expect(planRecent(partial, recordDigests([a, c]))).toBeNull();
  });

  it('asks for the parts to be rewritten when the change is large', () => {
    const many = Array.from({ length: RECENT_LIMIT + 1 }, (_, i) => news(`moi-${i}`, `Tin ${i}`));
    expect(planRecent(base, recordDigests([a, b, c, ...many]))).toBeNull();
  });
});
