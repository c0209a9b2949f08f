import { describe, expect, it } from 'vitest';
import { ConsultationEntrySchema, consultationState } from '../schema/content/consultation.ts';
import { procurementStatusLabel } from '../schema/content/procurement.ts';
import { buildInstant, isVisibleAt, timedMoments } from './timed-visibility.ts';

/** Pages that change on time (docs/adr/0049), as data. */
const at = (iso: string) => new Date(iso);

describe('an entry with publish-at and expire-at moments', () => {
  const entry = { publishAt: at('2026-12-07T08:00:00+07:00'), expireAt: at('2026-12-31T17:00:00+07:00') };

  it('is on the site from its publish-at moment until just before its expire-at moment', () => {
    expect(isVisibleAt(entry, at('2026-12-07T07:59:59+07:00'))).toBe(false);
    expect(isVisibleAt(entry, at('2026-12-07T08:00:00+07:00'))).toBe(true);
    expect(isVisibleAt(entry, at('2026-12-31T16:59:59+07:00'))).toBe(true);
    expect(isVisibleAt(entry, at('2026-12-31T17:00:00+07:00'))).toBe(false);
    expect(isVisibleAt({}, at('2000-01-01T00:00:00Z'))).toBe(true);
  });

  it('changes the site at exactly those two moments', () => {
    expect(timedMoments('tin-tuc', entry)).toEqual([
      { at: entry.publishAt.getTime(), change: 'hien-thi' },
      { at: entry.expireAt.getTime(), change: 'go-xuong' },
    ]);
    expect(timedMoments('tin-tuc', {})).toEqual([]);
  });
});

describe('a consultation and a procurement notice', () => {
  it('change state at 00:00 of the first day and 24:00 of the last day, Vietnam time, as the page computes it', () => {
    const data = { opens: at('2026-12-01'), closes: at('2026-12-05') };
    const moments = timedMoments('gop-y', data);
    expect(moments).toEqual([
      { at: Date.parse('2026-11-30T17:00:00Z'), change: 'mo-lay-y-kien' },
      { at: Date.parse('2026-12-05T17:00:00Z'), change: 'ket-thuc-lay-y-kien' },
    ]);
    for (const { at: moment } of moments)
      expect(consultationState(data, new Date(moment - 1))).not.toBe(consultationState(data, new Date(moment)));
  });

  it('shows a tender notice closed once its closing moment has passed, and says nothing new of the other statuses', () => {
    const notice = { status: 'dang-moi-thau' as const, closes: at('2026-12-10T09:00:00+07:00') };
    expect(timedMoments('du-an-dau-thau', notice)).toEqual([{ at: notice.closes.getTime(), change: 'dong-thau' }]);
    expect(procurementStatusLabel(notice, at('2026-12-10T08:59:00+07:00'))).toBe('Đang mời thầu');
    expect(procurementStatusLabel(notice, at('2026-12-10T09:00:00+07:00'))).toBe('Đã đóng thầu, đang xét thầu');
    expect(timedMoments('du-an-dau-thau', { ...notice, status: 'da-co-ket-qua' })).toEqual([]);
  });

  it('reads the moments as the schema parses them from front matter', () => {
    const parsed = ConsultationEntrySchema.parse({
      title: 'Dự thảo',
      summary: 'Tóm tắt',
      date: '2026-12-01',
      drafter: 'Sở Tư pháp',
      draft: { label: 'Dự thảo', file: '/tep/mau/du-thao.pdf' },
      opens: '2026-12-01',
      closes: '2026-12-05',
      publishAt: '2026-12-01T07:30:00+07:00',
    });
    expect(timedMoments('gop-y', parsed).map((m) => m.change)).toEqual([
      'hien-thi',
      'mo-lay-y-kien',
      'ket-thuc-lay-y-kien',
    ]);
  });
});

describe('the moment a build shows the site as of', () => {
  it('is CONGSO_BUILD_AT when set, as milliseconds or ISO text, else now', () => {
    expect(buildInstant({ CONGSO_BUILD_AT: '1796490000000' }).getTime()).toBe(1796490000000);
    expect(buildInstant({ CONGSO_BUILD_AT: '2026-12-05T17:00:00Z' }).toISOString()).toBe('2026-12-05T17:00:00.000Z');
    const before = Date.now();
    expect(buildInstant({}).getTime()).toBeGreaterThanOrEqual(before);
  });
});
