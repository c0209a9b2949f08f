import { describe, expect, it } from 'vitest';
import type { Entry } from '../content-source/entries.ts';
import { dependencyDigests, planRender } from './page-dependencies.ts';
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
    data: { title: slug, date: new Date('2026-01-01') },
    html: '',
    text: '',
  }) as unknown as Entry;

const NOW = new Date('2026-12-05T08:00:00+07:00');
const k = dependencyKey;

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
    const plan = planRender(previous, paths, before, after);
    expect(plan.render.sort()).toEqual(['/s/robots.txt', '/s/tin-tuc/', '/s/tin-tuc/a/', '/s/tin-tuc/moi/']);
    expect(plan.remove).toEqual(['/s/cu/']);
  });

  it('treats a key it does not know as changed', () => {
    const plan = planRender(new Map([['/s/x/', new Set(['weather:s'])]]), ['/s/x/'], before, before);
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
