import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfVietnamDay } from '#src/calendar/working-days.ts';
import {
  commitMainChange,
  mergeChange,
  recordStep,
  saveOnBranch,
} from '#server/editorial/content-repository/entry-store.ts';
import { openContentRepository, type ContentRepository } from '#server/editorial/content-repository/repository.ts';
import { complianceRecord } from '#server/editorial/compliance-record.ts';
import { checkCompliance, type ComplianceReport } from '#src/checks/compliance.ts';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = path.join(PROJECT, 'tests/fixtures/compliance');
const AS_OF = endOfVietnamDay('2026-11-27');

const rulesOf = (report: ComplianceReport, site: string) =>
  report.sites
    .find((s) => s.site === site)!
    .findings.filter((f) => f.severity === 'violation')
    .map((f) => f.rule)
    .sort();

describe('compliance check on the fixture sites (as of Friday 27 November 2026, news of 25–27 November)', () => {
  it('flags the missing section, the late news day and the unofficial e-mail, and passes the good site', async () => {
    const report = await checkCompliance({ root: FIXTURE, asOf: AS_OF, newsDays: 3 });
    expect(rulesOf(report, 'sothieumuc')).toEqual(['missing-section']);
    expect(report.sites.find((s) => s.site === 'sothieumuc')!.findings[0]).toMatchObject({
      file: 'content/sothieumuc/gop-y/',
    });
    expect(rulesOf(report, 'sotinmuon')).toEqual(['news-late-day', 'unofficial-email']);
    expect(
      report.sites.find((s) => s.site === 'sotinmuon')!.findings.find((f) => f.rule === 'news-late-day'),
    ).toMatchObject({ date: '2026-11-26' });
    // 16:00 sharp is on time; an urgent item at 17:10 is not late news (Điều 9.2, not 9.3).
    expect(rulesOf(report, 'sotuphap')).toEqual([]);
    expect(report.sites.find((s) => s.site === 'sotuphap')!.newsDays.map((d) => d.status)).toEqual([
      'on-time',
      'on-time',
      'on-time',
    ]);
    expect(report.window).toEqual({ from: '2026-11-25', to: '2026-11-27', workingDays: 3 });
    expect(report.violations).toBe(3);
  });

  it('a working day without news is a warning, a violation only with newsEveryDay', async () => {
    // 23–27 November: the fixture has no news on 23 and 24 November.
    const lenient = await checkCompliance({ root: FIXTURE, sites: ['sotuphap'], asOf: AS_OF, newsDays: 5 });
    expect(lenient.violations).toBe(0);
    expect(lenient.sites[0]!.findings.map((f) => [f.rule, f.severity, f.date])).toEqual([
      ['news-missing-day', 'warning', '2026-11-23'],
      ['news-missing-day', 'warning', '2026-11-24'],
    ]);
    const strict = await checkCompliance({
      root: FIXTURE,
      sites: ['sotuphap'],
      asOf: AS_OF,
      newsDays: 5,
      newsEveryDay: true,
    });
    expect(strict.violations).toBe(2);
  });

  it('today is judged only after its 16:00, and weekends are not working days', async () => {
    const fridayNoon = new Date('2026-11-27T12:00:00+07:00');
    const report = await checkCompliance({ root: FIXTURE, sites: ['sotuphap'], asOf: fridayNoon, newsDays: 7 });
    // 21–27 November: Saturday, Sunday skipped, Friday not yet due.
    expect(report.sites[0]!.newsDays.map((d) => d.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
  });
});

describe('compliance rules that read the workflow history in the content repository', () => {
  let dir: string;
  let repo: ContentRepository;
  let now = Date.parse('2026-11-18T09:00:00+07:00');
  const by = { username: 'nvan', name: 'Nguyễn Văn An' };
  const head = { username: 'ttbhanh', name: 'Trần Thị Bích Hạnh' };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'congso-compliance-'));
    await cp(FIXTURE, path.join(dir, 'seed'), { recursive: true });
    repo = await openContentRepository({
      dir: path.join(dir, 'repo'),
      seedFrom: path.join(dir, 'seed'),
      clock: () => now,
    });

    // Submitted for verification on Thursday 19 November, untouched since.
    const waiting = { site: 'sotinmuon', section: 'tin-tuc' as const, slug: 'bai-cho-xac-thuc' };
    const body =
      '---\ntitle: Bài chờ xác thực\nsummary: Tóm tắt.\ndate: 2026-11-18T09:00:00+07:00\ncategory: thong-bao\nsource: { kind: original }\n---\n\nNội dung.\n';
    await saveOnBranch(repo, {
      key: waiting,
      files: [{ path: 'content/sotinmuon/tin-tuc/bai-cho-xac-thuc.mdx', content: body }],
      by,
      event: 'create',
      state: 'draft',
      summary: 'Nhập mới',
    });
    now = Date.parse('2026-11-19T09:00:00+07:00');
    await recordStep(repo, { key: waiting, by, event: 'submit', state: 'in-review', summary: 'Gửi xác thực' });

    // A state secret verified before verifying one was refused (docs/adr/0108): it waits for no one, ever.
    const secret = { site: 'sotuphap', section: 'tin-tuc' as const, slug: 'bai-mat' };
    await saveOnBranch(repo, {
      key: secret,
      files: [
        {
          path: 'content/sotuphap/tin-tuc/bai-mat.mdx',
          content: body.replace('title: Bài chờ xác thực', 'title: Bài mật\nstateSecret: true'),
        },
      ],
      by,
      event: 'create',
      state: 'draft',
      summary: 'Nhập mới',
    });
    await recordStep(repo, { key: secret, by, event: 'submit', state: 'in-review', summary: 'Gửi xác thực' });
    await recordStep(repo, { key: secret, by: head, event: 'verify', state: 'ready', summary: 'Xác thực' });

    // An urgent item dated 08:00 on 25 November, published at 11:00: three hours, not "at once".
    const urgent = { site: 'sotinmuon', section: 'tin-tuc' as const, slug: 'tin-khan-mat-dien' };
    const text =
      '---\ntitle: Tạm ngừng cung cấp điện\nsummary: Tóm tắt.\ndate: 2026-11-25T08:00:00+07:00\ncategory: thong-bao\nsource: { kind: original }\nurgent: true\n---\n\nNội dung.\n';
    now = Date.parse('2026-11-25T08:05:00+07:00');
    await saveOnBranch(repo, {
      key: urgent,
      files: [{ path: 'content/sotinmuon/tin-tuc/tin-khan-mat-dien.mdx', content: text }],
      by: head,
      event: 'create',
      state: 'draft',
      summary: 'Nhập mới',
    });
    now = Date.parse('2026-11-25T11:00:00+07:00');
    await commitMainChange(repo, await mergeChange(repo, urgent, head, 'Đăng tải', { event: 'publish' }));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('flags the entry waiting six working days for verification and the urgent item published after three hours', async () => {
    const report = await checkCompliance({
      root: repo.dir,
      asOf: AS_OF,
      newsDays: 3,
      workflow: complianceRecord(repo),
    });
    const site = report.sites.find((s) => s.site === 'sotinmuon')!;
    expect(rulesOf(report, 'sotinmuon')).toEqual([
      'news-late-day',
      'stuck-in-review',
      'unofficial-email',
      'urgent-late',
    ]);
    // 20, 23, 24, 25, 26, 27 November.
    expect(site.waiting).toEqual([
      { entry: 'tin-tuc/bai-cho-xac-thuc', state: 'in-review', since: '2026-11-19T02:00:00.000Z', workingDays: 6 },
    ]);
    expect(site.urgent).toEqual([
      expect.objectContaining({ file: 'content/sotinmuon/tin-tuc/tin-khan-mat-dien.mdx', minutes: 180 }),
    ]);
    // Entries imported with the repository were never published through the workflow: not timed.
    expect(report.sites.find((s) => s.site === 'sotuphap')!.urgent).toEqual([]);
    expect(rulesOf(report, 'sotuphap')).toEqual([]);
    expect(report.sites.find((s) => s.site === 'sotuphap')!.waiting).toEqual([]);
  });
});

describe('the sample content', () => {
  it('passes the compliance check with the default window (last 30 days)', async () => {
    const report = await checkCompliance({ root: PROJECT, asOf: endOfVietnamDay('2026-11-27') });
    expect(report.sites).toHaveLength(6);
    expect(report.sites.flatMap((s) => s.findings.filter((f) => f.severity === 'violation'))).toEqual([]);
  });
});
