import { describe, expect, it } from 'vitest';
import { listNav, listSlots, PAGE_SIZE } from './list-pages.ts';

/** Which entries (numbered from the oldest, 0…total-1) each page of a newest-first list shows. */
const pagesOf = (total: number) =>
  new Map(
    listSlots(total, true).map((s) => [
      s.page ?? 'front',
      Array.from({ length: s.end - s.start }, (_, i) => total - 1 - (s.start + i)),
    ]),
  );

describe('a newest-first list cut into pages (docs/adr/0112)', () => {
  it('shows every entry once, newest first, 20 to a page and 20 to 39 on the front page', () => {
    for (const total of [0, 1, 19, 20, 39, 40, 41, 59, 60, 61, 1_003]) {
      const pages = pagesOf(total);
      const all = [...pages.values()].flat();
      expect(all).toEqual(Array.from({ length: total }, (_, i) => total - 1 - i));
      const front = pages.get('front')!;
      expect(front.length).toBe(total < 2 * PAGE_SIZE ? total : front.length);
      if (total >= 2 * PAGE_SIZE) expect(front.length).toBeGreaterThanOrEqual(20);
      expect(front.length).toBeLessThan(2 * PAGE_SIZE);
      for (const [page, entries] of pages) if (page !== 'front') expect(entries).toHaveLength(PAGE_SIZE);
    }
  });

  it('keeps each archive page’s entries when newer entries come or go', () => {
    const before = pagesOf(1_003);
    for (const total of [1_004, 1_020, 1_040, 1_000, 990]) {
      for (const [page, entries] of pagesOf(total))
        if (page !== 'front') expect(entries).toEqual(before.get(page) ?? entries);
    }
    expect(pagesOf(1_003).get(1)).toEqual([19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });

  it('links a page to its neighbours, the newest and the oldest page, without the number of pages', () => {
    const nav = listNav(1_003, true, 20);
    expect(nav.prev).toEqual({ page: 21 });
    expect(nav.next).toEqual({ page: 19 });
    expect(nav.links.map((l) => (l === null ? null : l.label))).toEqual(['newest', null, 21, 20, 19, null, 1]);
    expect(nav.links.find((l) => l?.current)?.label).toBe(20);
    // The same page of a longer list links the same way: it is not rendered again.
    expect(listNav(5_000, true, 20)).toEqual(nav);
    // The newest archive page links back to the front page.
    expect(listNav(1_003, true, 49).prev).toEqual({ page: undefined });
    expect(listNav(1_003, true, undefined).next).toEqual({ page: 49 });
    expect(listNav(1_003, true, 1).next).toBeUndefined();
  });

  it('has no navigation when everything fits on the front page', () => {
    expect(listNav(39, true, undefined).links).toEqual([]);
    expect(listNav(20, false, undefined).links).toEqual([]);
  });
});

describe('a list cut from its start (A–Z, oldest first)', () => {
  it('keeps page 1 as the front page and the same pages when entries are added at the end', () => {
    expect(listSlots(45, false).map((s) => [s.page, s.start, s.end])).toEqual([
      [undefined, 0, 20],
      [2, 20, 40],
      [3, 40, 45],
    ]);
    const nav = listNav(45, false, 2);
    expect(nav.prev).toEqual({ page: undefined });
    expect(nav.next).toEqual({ page: 3 });
    expect(nav.links.map((l) => (l === null ? null : l.label))).toEqual([1, 2, 3]);
    expect(listNav(1_000, false, 10)).toEqual(listNav(2_000, false, 10));
  });
});
