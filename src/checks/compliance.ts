import { loadProvince } from '../content-source/departments.ts';
import { validateContent } from '../content-source/validate.ts';
import type { Entry } from '../content-source/entries.ts';
import {
  isWorkingDay,
  NATIONAL_CALENDAR,
  vietnamDate,
  workingDaysBetween,
  type WorkingCalendar,
} from '../calendar/working-days.ts';
import { REQUIRED_SECTIONS as SECTIONS } from '../schema/sections.ts';

/**
 * The editorial board's supervision duties (Điều 7, 9, 18e) as checks over a
 * content root and, when given, its content repository. Every rule and
 * threshold is explained in docs/adr/0061-compliance-rules.md; each finding
 * carries a stable `rule` id for tools and tests and a Vietnamese message.
 */
export const COMPLIANCE_RULES = [
  'missing-section',
  'news-late-day',
  'news-missing-day',
  'stuck-in-review',
  'stuck-ready',
  'urgent-late',
  'invalid-email',
  'unofficial-email',
] as const;
export type ComplianceRule = (typeof COMPLIANCE_RULES)[number];

export interface ComplianceFinding {
  site: string;
  rule: ComplianceRule;
  /** A violation fails the check; a warning is printed only. */
  severity: 'violation' | 'warning';
  message: string;
  file?: string;
  /** The Vietnamese date the finding is about, for news days. */
  date?: string;
}

export interface NewsDay {
  date: string;
  status: 'on-time' | 'late' | 'missing';
}

export interface WaitingEntry {
  entry: string;
  state: WaitingState;
  since: string;
  workingDays: number;
}

export interface UrgentDelay {
  file: string;
  date: string;
  publishedAt: string;
  minutes: number;
}

export interface SiteCompliance {
  site: string;
  name: string;
  sections: Array<{ id: string; clause: number; entries: number }>;
  newsDays: NewsDay[];
  /** Unpublished entries by workflow state; null without a content repository. */
  waiting: WaitingEntry[] | null;
  urgent: UrgentDelay[] | null;
  emails: { checked: number; invalid: number; unofficial: number };
  findings: ComplianceFinding[];
}

export interface ComplianceReport {
  asOf: string;
  window: { from: string; to: string; workingDays: number };
  sites: SiteCompliance[];
  violations: number;
  warnings: number;
}

export interface ComplianceOptions {
  root: string;
  sites?: string[];
  /** The instant the check is made; a news day counts only once its 16:00 has passed. */
  asOf: Date;
  /** Calendar days of news looked at, ending with the day of `asOf` (30). */
  newsDays?: number;
  /** Make a working day without any news a violation rather than a warning. */
  newsEveryDay?: boolean;
  /** What the editorial workflow records (the server reads it from the content repository); without it, nothing about waiting or urgent timing. */
  workflow?: EditorialRecord;
  /** Working days an entry may wait for verification (2) and, once verified, for publication (1). */
  reviewWorkingDays?: number;
  readyWorkingDays?: number;
  /** Minutes an urgent item may take from its date to publication (60, Điều 9.2 "ngay"). */
  urgentMinutes?: number;
  calendar?: WorkingCalendar;
}

/** Working days an entry may wait for verification, and once verified for publication (docs/adr/0061, Điều 9). */
export const REVIEW_WORKING_DAYS = 2;
export const READY_WORKING_DAYS = 1;

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** Điều 9.3: "chậm nhất vào 16 giờ hàng ngày". */
const NEWS_CUTOFF_HOUR = 16;

/** 16:00:00 in Vietnam on that civil date. */
function cutoffOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET_MS + NEWS_CUTOFF_HOUR * 3_600_000;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

const ddmm = (date: string) => date.split('-').reverse().join('/');

function newsDaysOf(entries: Entry[], days: string[]): NewsDay[] {
  const byDay = new Map<string, Entry[]>();
  for (const e of entries) {
    const day = vietnamDate(e.data.date);
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  return days.map((date) => {
    const items = byDay.get(date) ?? [];
    if (items.some((e) => e.data.date.getTime() <= cutoffOf(date))) return { date, status: 'on-time' };
    // Urgent items answer to Điều 9.2 (at once, whatever the hour), not to the 16:00 deadline.
    if (items.some((e) => !(e.data as { urgent?: boolean }).urgent)) return { date, status: 'late' };
    return { date, status: 'missing' };
  });
}

/** A step of Điều 19 an entry waits at. */
export type WaitingState = 'draft' | 'in-review' | 'ready';

/**
 * What the editorial workflow knows, read from the content repository by the
 * server (server/editorial/compliance-record.ts); these checks only judge it.
 */
export interface EditorialRecord {
  /**
   * Entries of a site in the workflow, with the step they wait at and since when (ISO time); `stateSecret` when
   * marked as a state secret (Điều 4.2đ), which is never published and so waits for no one (docs/adr/0108).
   */
  waiting(
    site: string,
  ): Promise<Array<{ section: string; slug: string; state: WaitingState; since: string; stateSecret?: boolean }>>;
  /** When an entry was first published through the workflow (ISO time), or null for content imported with the repository. */
  firstPublished(site: string, section: 'tin-tuc', slug: string): Promise<string | null>;
}

function emailDomainOk(email: string, suffixes: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return suffixes.some((s) => domain === s || domain.endsWith(`.${s}`));
}

export async function checkCompliance(options: ComplianceOptions): Promise<ComplianceReport> {
  const calendar = options.calendar ?? NATIONAL_CALENDAR;
  const asOf = options.asOf.getTime();
  const lastDay = vietnamDate(options.asOf);
  const span = options.newsDays ?? 30;
  const windowDays: string[] = [];
  for (let i = span - 1; i >= 0; i--) {
    const day = addDays(lastDay, -i);
    // Today is judged only once its 16:00 has passed.
    if (isWorkingDay(day, calendar) && cutoffOf(day) <= asOf) windowDays.push(day);
  }
  const reviewLimit = options.reviewWorkingDays ?? REVIEW_WORKING_DAYS;
  const readyLimit = options.readyWorkingDays ?? READY_WORKING_DAYS;
  const urgentLimit = options.urgentMinutes ?? 60;

  const province = await loadProvince(options.root);
  const suffixes = province.domains.map((d) => d.suffix.toLowerCase());
  const validation = await validateContent(options.root, options.sites);
  const result: SiteCompliance[] = [];

  for (const { department, entries } of validation.sites) {
    const site = department.id;
    const findings: ComplianceFinding[] = [];
    const add = (f: Omit<ComplianceFinding, 'site'>) => findings.push({ site, ...f });

    const sections = SECTIONS.map((s) => ({
      id: s.id,
      clause: s.clause,
      entries: entries.filter((e) => e.section === s.id).length,
    }));
    for (const s of sections) {
      if (s.entries === 0) {
        const info = SECTIONS.find((x) => x.id === s.id)!;
        add({
          rule: 'missing-section',
          severity: 'violation',
          file: `content/${site}/${s.id}/`,
          message: `Thiếu chuyên mục "${info.title}" (Điều 7, khoản ${info.clause}): chưa có bài hợp lệ nào.`,
        });
      }
    }

    const news = entries.filter((e) => e.section === 'tin-tuc');
    const newsDays = newsDaysOf(news, windowDays);
    for (const d of newsDays) {
      if (d.status === 'late') {
        add({
          rule: 'news-late-day',
          severity: 'violation',
          date: d.date,
          message: `Ngày ${ddmm(d.date)}: tin đăng sau 16 giờ, không có tin nào trước 16 giờ (Điều 9, khoản 3).`,
        });
      } else if (d.status === 'missing') {
        add({
          rule: 'news-missing-day',
          severity: options.newsEveryDay ? 'violation' : 'warning',
          date: d.date,
          message: `Ngày làm việc ${ddmm(d.date)} không có tin mới trước 16 giờ.`,
        });
      }
    }

    let checked = 0;
    let unofficial = 0;
    for (const e of entries.filter((x) => x.section === 'danh-ba')) {
      const data = e.data as { email: string; contacts: Array<{ name: string; email: string }> };
      for (const email of [data.email, ...data.contacts.map((c) => c.email)]) {
        checked += 1;
        if (!emailDomainOk(email, suffixes)) {
          unofficial += 1;
          add({
            rule: 'unofficial-email',
            severity: 'violation',
            file: e.file,
            message: `Địa chỉ ${email} không thuộc tên miền chính thức (${suffixes.join(', ')}) (Điều 7, khoản 5).`,
          });
        }
      }
    }
    // An address that fails the schema never loads as an entry; its problem from the validation is the finding.
    const invalid = validation.problems.filter(
      (p) => p.file.startsWith(`content/${site}/danh-ba/`) && /(^|\.)email$/.test(p.field ?? ''),
    );
    for (const p of invalid)
      add({
        rule: 'invalid-email',
        severity: 'violation',
        file: p.file,
        message: `Địa chỉ thư điện tử không hợp lệ ở trường ${p.field} (Điều 7, khoản 5).`,
      });

    let waiting: WaitingEntry[] | null = null;
    let urgent: UrgentDelay[] | null = null;
    if (options.workflow) {
      waiting = [];
      for (const w of await options.workflow.waiting(site)) {
        if (w.stateSecret) continue;
        const days = workingDaysBetween(new Date(w.since), options.asOf, calendar);
        const id = `${w.section}/${w.slug}`;
        waiting.push({ entry: id, state: w.state, since: w.since, workingDays: days });
        if (w.state === 'in-review' && days > reviewLimit) {
          add({
            rule: 'stuck-in-review',
            severity: 'violation',
            file: `content/${site}/${id}.mdx`,
            message: `Bài "${id}" chờ xác thực ${days} ngày làm việc (quá ${reviewLimit} ngày).`,
          });
        } else if (w.state === 'ready' && days > readyLimit) {
          add({
            rule: 'stuck-ready',
            severity: 'violation',
            file: `content/${site}/${id}.mdx`,
            message: `Bài "${id}" đã xác thực, chờ đăng tải ${days} ngày làm việc (quá ${readyLimit} ngày).`,
          });
        }
      }
      urgent = [];
      for (const e of news.filter((x) => (x.data as { urgent?: boolean }).urgent)) {
        const publishedAt = await options.workflow.firstPublished(site, 'tin-tuc', e.slug);
        // Entries that arrived with the repository's first import were never published through the workflow: nothing to time.
        if (!publishedAt) continue;
        const minutes = Math.max(0, Math.round((Date.parse(publishedAt) - e.data.date.getTime()) / 60_000));
        urgent.push({ file: e.file, date: e.data.date.toISOString(), publishedAt, minutes });
        if (minutes > urgentLimit) {
          add({
            rule: 'urgent-late',
            severity: 'violation',
            file: e.file,
            message: `Tin khẩn đăng tải sau ${minutes} phút (quá ${urgentLimit} phút, Điều 9, khoản 2).`,
          });
        }
      }
    }

    result.push({
      site,
      name: department.name,
      sections,
      newsDays,
      waiting,
      urgent,
      emails: { checked, invalid: invalid.length, unofficial },
      findings,
    });
  }
  const all = result.flatMap((s) => s.findings);
  return {
    asOf: options.asOf.toISOString(),
    window: { from: windowDays[0] ?? lastDay, to: windowDays.at(-1) ?? lastDay, workingDays: windowDays.length },
    sites: result,
    violations: all.filter((f) => f.severity === 'violation').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
  };
}
