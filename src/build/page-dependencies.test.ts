import { describe, expect, it } from 'vitest';
import { seededRandom } from './synthetic-content.ts';
import type { Entry } from '../content-source/entries.ts';
import { Digests, dependencyDigests, planRender } from './page-dependencies.ts';
import { PageReaders } from './page-readers.ts';
import { dependencyKey } from './render-hooks.ts';

const news = (slug: string, title: string, date = '2026-11-02T08:00:00+07:00'): Entry =>
  ({
    site: 's',
    section: 'tin-tuc',
    slug,
    file: `content/s/tin-tuc/${slug}.mdx`,
    data: { title, date: new Date(date) },
    html: `<p>${title}</p>`,
    text: title,
  }) as unknown as Entry;
const doc = (slug: string): Entry =>
  ({
    site: 's',
    section: 'van-ban',
    slug,
    file: `content/s/van-ban/${slug}.mdx`,
    data: {
      title: slug,
      date: new Date('2026-01-01'),
      issued: new Date('2026-01-01'),
      number: `${slug}/2026/QĐ-UBND`,
      documentType: 'quyet-dinh',
      field: 'Tư pháp',
      status: 'con-hieu-luc',
    },
    html: '',
    text: '',
  }) as unknown as Entry;

const NOW = new Date('2026-12-05T08:00:00+07:00');
const k = dependencyKey;

const readersOf = (previous: ReadonlyMap<string, ReadonlySet<string>>) => {
  const readers = new PageReaders();
  for (const [path, reads] of previous) readers.set(path, reads);
  return readers;
};

describe('which pages a change makes stale (docs/adr/0046)', () => {
  const before = dependencyDigests('s', [news('a', 'Một'), news('b', 'Hai'), doc('qd-1')], NOW);
  const after = dependencyDigests('s', [news('a', 'Một (sửa)'), news('b', 'Hai'), doc('qd-1')], NOW);
  const previous = new Map<string, Set<string>>([
    ['/s/tin-tuc/a/', new Set([k.entry('s', 'tin-tuc', 'a')])],
    ['/s/tin-tuc/b/', new Set([k.entry('s', 'tin-tuc', 'b')])],
    ['/s/tin-tuc/', new Set([k.section('s', 'tin-tuc')])],
    ['/s/van-ban/', new Set([k.section('s', 'van-ban')])],
    ['/s/van-ban/qd-1/', new Set([k.entry('s', 'van-ban', 'qd-1'), k.translations('s')])],
    ['/s/robots.txt', new Set<string>()],
    ['/s/cu/', new Set([k.entry('s', 'tin-tuc', 'cu')])],
  ]);

  it('renders the edited entry, the lists of its section and pages whose reads are unknown, and nothing else', () => {
    const paths = [...previous.keys()].filter((p) => p !== '/s/cu/').concat('/s/tin-tuc/moi/');
    const plan = planRender(readersOf(previous), new Set(paths), before, after);
    expect(plan.render.sort()).toEqual(['/s/robots.txt', '/s/tin-tuc/', '/s/tin-tuc/a/', '/s/tin-tuc/moi/']);
    expect(plan.remove).toEqual(['/s/cu/']);
  });

  it('treats a key it does not know as changed', () => {
    const plan = planRender(
      readersOf(new Map([['/s/x/', new Set(['weather:s'])]])),
      new Set(['/s/x/']),
      before,
      before,
    );
    expect(plan.render).toEqual(['/s/x/']);
  });

  it('moves the latest-change date of a section and of the site only when it moves', () => {
    const later = dependencyDigests(
      's',
      [news('a', 'Một', '2026-12-01T08:00:00+07:00'), news('b', 'Hai'), doc('qd-1')],
      NOW,
    );
    expect(later.get(k.updated('s', 'tin-tuc'))).not.toBe(before.get(k.updated('s', 'tin-tuc')));
    expect(later.get(k.updated('s'))).not.toBe(before.get(k.updated('s')));
    expect(after.get(k.updated('s', 'tin-tuc'))).toBe(before.get(k.updated('s', 'tin-tuc')));
    expect(later.get(k.section('s', 'van-ban'))).toBe(before.get(k.section('s', 'van-ban')));
  });

  it('changes the date key when the day changes (the date printed beside a consultation state, Điều 7.8)', () => {
    const tomorrow = dependencyDigests('s', [doc('qd-1')], new Date('2026-12-06T08:00:00+07:00'));
    const today = dependencyDigests('s', [doc('qd-1')], NOW);
    expect(tomorrow.get(k.time('s'))).not.toBe(today.get(k.time('s')));
  });
});

describe('the pages of a long list stay put when an entry comes or goes at its newest end (docs/adr/0112)', () => {
  const DAY = 86_400_000;
  const item = (i: number) =>
    news(`tin-${i}`, `Bản tin số ${i}`, new Date(Date.parse('2020-01-01T08:00:00+07:00') + i * DAY).toISOString());
  const site = Array.from({ length: 2_000 }, (_, i) => item(i));
  const listKeys = (digests: Digests) => [...digests.keys()].filter((key) => key.startsWith('list:s/tin-tuc/'));
  /** What each page of the news list reads, as src/content.ts records it: its own key, and the front page the section's. */
  const reads = (digests: Digests, wholeSection: boolean) =>
    new Map(
      listKeys(digests).map((key) => {
        const path = `/s${key.slice('list:s'.length)}`;
        const front = path === '/s/tin-tuc/';
        return [path, new Set(wholeSection || front ? [k.section('s', 'tin-tuc'), key] : [key])];
      }),
    );
  const rendered = (before: Digests, after: Digests, wholeSection = false) =>
    planRender(
      readersOf(reads(before, wholeSection)),
      new Set(listKeys(after).map((key) => `/s${key.slice('list:s'.length)}`)),
      before,
      after,
    ).render.length;
  const before = dependencyDigests('s', site, NOW);

  it('has a page per 20 entries, the front page holding the newest 20 to 39', () => {
    expect(listKeys(before)).toHaveLength(100);
    expect(before.get(k.list('s', '/tin-tuc/trang/99/'))).toBeDefined();
    expect(before.get(k.list('s', '/tin-tuc/trang/100/'))).toBeUndefined();
  });

  it('renders the front page and at most the newest archive pages for a new entry, an edit, or the newest taken down', () => {
    const published = dependencyDigests('s', [...site, item(2_000)], NOW);
    const edited = dependencyDigests(
      's',
      site.map((e, i) => (i === 700 ? { ...e, data: { ...e.data, title: 'Sửa lại' } } : e)) as Entry[],
      NOW,
    );
    const withdrawn = dependencyDigests('s', site.slice(0, -1), NOW);
    const twentyMore = dependencyDigests('s', [...site, ...Array.from({ length: 20 }, (_, i) => item(2_000 + i))], NOW);
    expect(rendered(before, published)).toBe(1);
    // The archive page showing the edited entry reads that entry's own key (not modelled here): its list key stays.
    expect(rendered(before, edited)).toBe(1);
    expect(rendered(before, withdrawn)).toBeLessThanOrEqual(3);
    // A new archive page (new path) and the pages whose links to the newest end changed.
    expect(rendered(before, twentyMore)).toBeLessThanOrEqual(4);
  });

  it('would render every page of the list if each page read the whole section', () => {
    const published = dependencyDigests('s', [...site, item(2_000)], NOW);
    expect(rendered(before, published, true)).toBe(100);
  });
});

describe('the stale pages found from the changed keys are those found by going through every page (docs/adr/0114)', () => {
  /** The definition the index must agree with: every page, every key it read, an unknown key or no key counting as changed. */
  const everyPage = (
    previous: ReadonlyMap<string, ReadonlySet<string>>,
    paths: Set<string>,
    before: Digests,
    after: Digests,
  ) => {
    const known = /^(entry|section|updated|translations|time|list|facets):/;
    const changed = (key: string) => !known.test(key) || before.get(key) !== after.get(key);
    const render = [...paths].filter((p) => {
      const reads = previous.get(p);
      return !reads || reads.size === 0 || [...reads].some(changed);
    });
    return { render, remove: [...previous.keys()].filter((p) => !paths.has(p)) };
  };
  // A small seeded generator: the same cases on every run, so a failure can be replayed.
  const KEYS = [
    ...Array.from({ length: 12 }, (_, i) => k.entry('s', 'tin-tuc', `tin-${i}`)),
    ...Array.from({ length: 4 }, (_, i) => k.list('s', `/tin-tuc/trang/${i + 1}/`)),
    k.section('s', 'tin-tuc'),
    k.updated('s'),
    k.time('s'),
    k.facets('s', 'van-ban'),
    'weather:s',
  ];
  const PATHS = Array.from({ length: 24 }, (_, i) => `/s/trang-${i}/`);

  it('renders and removes the same pages on random sites, histories and changes', () => {
    const rand = seededRandom(2567);
    const pick = <T>(list: readonly T[], share: number) => list.filter(() => rand() < share);
    // In parts, as the renderer's are (a key always in the same one), some shared between before and after.
    const digests = (): Digests => {
      const parts = Array.from({ length: 3 }, () => new Map<string, string>());
      for (const key of pick(KEYS, 0.8)) parts[KEYS.indexOf(key) % 3]!.set(key, String(Math.floor(rand() * 3)));
      return new Digests(parts);
    };
    let rendered = 0;
    for (let round = 0; round < 300; round++) {
      // What the renderer last knew: pages rendered, rendered again with other reads, removed, in random order.
      const readers = new PageReaders();
      const previous = new Map<string, ReadonlySet<string>>();
      for (let step = 0; step < 40; step++) {
        const path = PATHS[Math.floor(rand() * PATHS.length)]!;
        if (rand() < 0.2) {
          readers.delete(path);
          previous.delete(path);
        } else {
          const reads = new Set(pick(KEYS, rand() < 0.1 ? 0 : 0.15));
          readers.set(path, reads);
          previous.set(path, reads);
        }
      }
      const paths = new Set(pick(PATHS, 0.8));
      const before = digests();
      const other = digests();
      const after =
        rand() < 0.3
          ? new Digests(before.parts)
          : new Digests(other.parts.map((p, i) => (rand() < 0.4 ? before.parts[i]! : p)));
      const plan = planRender(readers, paths, before, after);
      const expected = everyPage(previous, paths, before, after);
      expect(plan.render).toEqual(expected.render);
      expect(plan.remove.sort()).toEqual(expected.remove.sort());
      rendered += plan.render.length;
    }
    // The cases are not all "render everything" or "render nothing".
    expect(rendered).toBeGreaterThan(300);
    expect(rendered).toBeLessThan(300 * PATHS.length * 0.8);
  });

  it('judges a page by what it read when last rendered, not before', () => {
    const before = new Digests([
      new Map([
        [k.entry('s', 'tin-tuc', 'a'), '1'],
        [k.entry('s', 'tin-tuc', 'b'), '1'],
      ]),
    ]);
    const after = new Digests([
      new Map([
        [k.entry('s', 'tin-tuc', 'a'), '2'],
        [k.entry('s', 'tin-tuc', 'b'), '1'],
      ]),
    ]);
    const readers = new PageReaders();
    readers.set('/s/x/', new Set([k.entry('s', 'tin-tuc', 'b')]));
    readers.set('/s/y/', new Set([k.entry('s', 'tin-tuc', 'a')]));
    readers.set('/s/x/', new Set([k.entry('s', 'tin-tuc', 'a')]));
    readers.set('/s/y/', new Set([k.entry('s', 'tin-tuc', 'b')]));
    readers.set('/s/z/', new Set());
    readers.set('/s/z/', new Set([k.entry('s', 'tin-tuc', 'b')]));
    expect(planRender(readers, new Set(['/s/x/', '/s/y/', '/s/z/']), before, after).render).toEqual(['/s/x/']);
    // A key that disappears is a change too.
    const gone = new Digests([new Map([[k.entry('s', 'tin-tuc', 'a'), '1']])]);
    expect(planRender(readers, new Set(['/s/x/', '/s/y/', '/s/z/']), before, gone).render).toEqual(['/s/y/', '/s/z/']);
  });
});

describe('digests reused from the last publication equal digests computed afresh (docs/adr/0114)', () => {
  const DAY = 86_400_000;
  const at = (days: number) => new Date(Date.parse('2026-01-01T08:00:00+07:00') + days * DAY);
  const consultation = (slug: string, opens: number, closes: number): Entry =>
    ({
      site: 's',
      section: 'gop-y',
      slug,
      file: `content/s/gop-y/${slug}.mdx`,
      data: { title: slug, date: at(opens), opens: at(opens), closes: at(closes) },
      html: '',
      text: '',
    }) as unknown as Entry;
  const timed = (e: Entry, publishAt: number): Entry =>
    ({ ...e, data: { ...e.data, publishAt: at(publishAt) } }) as Entry;
  /** The same digests under another site name: computed with nothing kept from before. */
  const afresh = (list: Entry[], now: Date, name: string) =>
    new Map(
      [...dependencyDigests(name, list, now).merged()].map(([key, digest]) => [key.replace(`:${name}`, ':s'), digest]),
    );

  it('after random publications, edits, withdrawals, reorderings and days passing', () => {
    const rand = seededRandom(2567);
    let serial = 0;
    const fresh = (): Entry => {
      const n = serial++;
      const kind = Math.floor(rand() * 4);
      if (kind === 0) return doc(`qd-${n}`);
      if (kind === 1) return consultation(`gy-${n}`, Math.floor(rand() * 60), 60 + Math.floor(rand() * 60));
      // Same dates and titles now and then: the lists' order must not depend on what was sorted before.
      return news(`tin-${n}`, `Tin ${n % 7}`, at(Math.floor(rand() * 30)).toISOString());
    };
    let list = Array.from({ length: 120 }, fresh);
    let day = 0;
    for (let step = 0; step < 80; step++) {
      const i = Math.floor(rand() * list.length);
      const change = rand();
      if (change < 0.3) list.splice(i, 0, fresh());
      else if (change < 0.5)
        list = list.map((e, j) => (j === i ? ({ ...e, data: { ...e.data, title: 'Sửa' } } as Entry) : e));
      else if (change < 0.6) list.splice(i, 1);
      else if (change < 0.7) list = [...list.slice(i), ...list.slice(0, i)];
      else if (change < 0.8) list = list.map((e, j) => (j === i ? timed(e, day + Math.floor(rand() * 3)) : e));
      else day += Math.floor(rand() * 40);
      const now = at(day);
      expect(dependencyDigests('s', list, now).merged()).toEqual(afresh(list, now, `f${step}`));
    }
  });
});
