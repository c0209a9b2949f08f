import { describe, expect, it } from 'vitest';
import { anAccount, DEPARTMENT_SITE } from '#tests/support/records.ts';
import type { EntryRow } from '../entry-list.ts';
import {
  ENTRIES_PER_PAGE,
  entryListHref,
  entryListPageView,
  entryListQuery,
  type EntryListQuery,
} from './entry-list-page-view.ts';

const person = { name: 'Hoàng Thị Mai', username: 'maiht' };
function row(slug: string, overrides: Partial<EntryRow> = {}): EntryRow {
  return {
    key: { site: 'sotuphap', section: 'tin-tuc', slug },
    title: `Bài ${slug}`,
    withheld: false,
    state: 'published',
    live: true,
    stateSecret: false,
    author: person,
    lastStep: {
      event: 'publish',
      state: 'published',
      at: '2026-11-16T02:00:00Z',
      by: { name: 'Nguyễn Văn An', username: 'annv' },
      commit: 'c',
    },
    ...overrides,
  };
}
const query = (q: Partial<EntryListQuery> = {}): EntryListQuery => ({ sort: 'moi-nhat', page: 1, ...q });
const view = (rows: EntryRow[], q: Partial<EntryListQuery> = {}) =>
  entryListPageView({
    site: DEPARTMENT_SITE,
    actor: anAccount(),
    rows,
    query: query(q),
    now: Date.parse('2026-11-18T02:00:00Z'),
  });
const step = (at: string) => ({ event: 'submit' as const, state: 'in-review' as const, at, by: person, commit: 'c' });

describe('entryListPageView', () => {
  it('shows each entry with its state, author, last step and age, linked to its history and to Decap', () => {
    const [shown] = view([row('hoi-nghi')]).rows;
    expect(shown).toEqual({
      title: 'Bài hoi-nghi',
      href: '/quan-tri/bai-viet/tin-tuc/hoi-nghi',
      cmsHref: '/admin/#/collections/tin-tuc/entries/hoi-nghi',
      section: 'Tin tức',
      state: 'Đã đăng tải',
      author: 'Hoàng Thị Mai (maiht)',
      lastStep: 'đăng tải, 16/11/2026 09:00, Nguyễn Văn An (annv)',
      age: '2 ngày làm việc',
    });
  });

  it('says when a draft reworks a live entry, and withholds the title of a secret it may not read (Điều 4.2đ)', () => {
    const rows = view([
      row('sua', { state: 'draft', live: true }),
      row('mat', { state: 'in-review', live: false, withheld: true, title: null }),
    ]).rows;
    expect(rows.map((r) => [r.title, r.state])).toEqual([
      ['(bài mật, chỉ người có quyền được xem)', 'Chờ xác thực'],
      ['Bài sua', 'Nhập mới (bản sửa của bài đang đăng)'],
    ]);
  });

  it('says a state secret will not be published, rather than showing it as waiting for the head (docs/adr/0108)', () => {
    const rows = view([
      row('da-xac-thuc', { state: 'ready', live: false, stateSecret: true }),
      row('nhap', { state: 'draft', live: false, stateSecret: true }),
    ]).rows;
    expect(rows.map((r) => r.state)).toEqual([
      'Đã xác thực, không được công bố (bí mật nhà nước)',
      'Nhập mới, không được công bố (bí mật nhà nước)',
    ]);
  });

  it('filters by section and state and sorts by update, title or waiting time', () => {
    const rows = [
      row('b', { title: 'Đào tạo', lastStep: step('2026-11-10T02:00:00Z'), state: 'in-review' }),
      row('a', { title: 'Ân xá', lastStep: step('2026-11-12T02:00:00Z') }),
      row('c', {
        key: { site: 'sotuphap', section: 'van-ban', slug: 'c' },
        title: 'Bình đẳng',
        lastStep: step('2026-11-11T02:00:00Z'),
      }),
    ];
    expect(view(rows).rows.map((r) => r.title)).toEqual(['Ân xá', 'Bình đẳng', 'Đào tạo']);
    expect(view(rows, { sort: 'cu-nhat' }).rows.map((r) => r.title)).toEqual(['Đào tạo', 'Bình đẳng', 'Ân xá']);
    // Vietnamese order: A, Â/Ă after A, B, D, Đ.
    expect(view(rows, { sort: 'tieu-de' }).rows.map((r) => r.title)).toEqual(['Ân xá', 'Bình đẳng', 'Đào tạo']);
    expect(view(rows, { section: 'van-ban' }).rows.map((r) => r.title)).toEqual(['Bình đẳng']);
    expect(view(rows, { state: 'in-review' }).rows.map((r) => r.title)).toEqual(['Đào tạo']);
    expect(view(rows, { section: 'gop-y' }).caption).toBe('Không có bài nào.');
  });

  it('pages by fifty, keeping the filters in the links', () => {
    const many = Array.from({ length: ENTRIES_PER_PAGE + 3 }, (_, i) => row(`bai-${String(i).padStart(3, '0')}`));
    const first = view(many, { sort: 'tieu-de' });
    expect([first.rows.length, first.caption, first.pager]).toEqual([
      50,
      'Bài 1–50 trong 53 bài',
      { text: 'Trang 1/2', previous: null, next: '/quan-tri/bai-viet/?sap-xep=tieu-de&trang=2' },
    ]);
    const second = view(many, { sort: 'tieu-de', page: 9 });
    expect([second.rows.length, second.pager?.previous]).toEqual([3, '/quan-tri/bai-viet/?sap-xep=tieu-de']);
  });

  it('reads the choices from the address, ignoring what it does not know', () => {
    const params = new URLSearchParams('chuyen-muc=van-ban&trang-thai=ready&sap-xep=xyz&trang=-4');
    expect(entryListQuery((n) => params.get(n) ?? undefined)).toEqual({
      section: 'van-ban',
      state: 'ready',
      sort: 'moi-nhat',
      page: 1,
    });
    expect(entryListHref({ section: 'tin-tuc', sort: 'cu-nhat', page: 1 })).toBe(
      '/quan-tri/bai-viet/?chuyen-muc=tin-tuc&sap-xep=cu-nhat',
    );
  });
});
