import { isWorkingDay, vietnamDate, workingDaysBetween, type WorkingCalendar } from '#src/calendar/working-days.ts';
import { SERVICE_LABELS, type ServiceId } from '#src/schema/service-process.ts';
import { formatDateShort } from '#src/text/format-date.ts';
import type { MailOptions } from '#server/platform/mail/mail-options.ts';
import { sendMail } from '#server/platform/mail/smtp-client.ts';
import { CASE_STATUSES, type CaseRecord, type CaseStatus } from '#server/platform/storage/case-records.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { Storage } from '#server/platform/storage/repository.ts';
import { t } from '#server/platform/ui/vi.ts';
import type { CaseDepartment } from './case-departments.ts';
import { FINAL_STATUSES } from './case-workflow.ts';
import { casePath } from './http/case-paths.ts';

/**
 * Nothing should become late unseen (docs/adr/0056): every working morning
 * each officer with an official address gets one mail listing their cases
 * due within three working days and those already overdue; the head's also
 * lists the department's cases overdue by more than the configured margin,
 * which the back-office home shows the head too. Driven by the server's own
 * scheduler (server/platform/scheduler.ts), so tests move a fake clock.
 */
export const DIGEST_WORKING_DAYS = 3;
/** 07:00 in Vietnam, before the office opens. */
export const DIGEST_HOUR = 7;
/** Overdue by this many working days or more: the head is told (`CASE_ESCALATION_DAYS`). */
export const DEFAULT_ESCALATION_WORKING_DAYS = 3;

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const PAGE = 500;

export interface DigestLine {
  record: CaseRecord;
  /** Working days left (due soon) or past (overdue). */
  workingDays: number;
}

export interface Digest {
  overdue: DigestLine[];
  dueSoon: DigestLine[];
}

/** Running deadlines only: closed cases and stopped clocks (awaiting the citizen, suspended) are nobody's to chase. */
function running(record: CaseRecord): record is CaseRecord & { dueAt: number } {
  return record.dueAt !== null && record.closedAt === null;
}

/** Due within `days` working days after today (the due day counts), or overdue; earliest first. */
export function digestOf(
  cases: readonly CaseRecord[],
  now: number,
  calendar: WorkingCalendar,
  days = DIGEST_WORKING_DAYS,
): Digest {
  const digest: Digest = { overdue: [], dueSoon: [] };
  for (const record of cases.filter(running)) {
    if (record.dueAt < now)
      digest.overdue.push({ record, workingDays: workingDaysBetween(new Date(record.dueAt), new Date(now), calendar) });
    else {
      const left = workingDaysBetween(new Date(now), new Date(record.dueAt), calendar);
      if (left <= days) digest.dueSoon.push({ record, workingDays: left });
    }
  }
  const byDue = (a: DigestLine, b: DigestLine) => a.record.dueAt! - b.record.dueAt!;
  digest.overdue.sort(byDue);
  digest.dueSoon.sort(byDue);
  return digest;
}

/** Overdue by `margin` working days or more: what the head must see. */
export function escalatedOf(
  cases: readonly CaseRecord[],
  now: number,
  calendar: WorkingCalendar,
  margin: number,
): DigestLine[] {
  return digestOf(cases, now, calendar).overdue.filter((line) => line.workingDays >= margin);
}

/** An officer's cases: assigned to them, and the unassigned ones of the services the head gave them (Điều 15). */
export function casesOf(
  officer: AccountRecord,
  granted: ReadonlySet<ServiceId>,
  cases: readonly CaseRecord[],
): CaseRecord[] {
  return cases.filter(
    (c) => c.assignedTo === officer.id || (c.assignedTo === null && officer.role !== 'head' && granted.has(c.service)),
  );
}

/** The next 07:00 in Vietnam after `lastRun` (or after now, the first time). */
export function nextDigestAt(lastRun: number | null, now: number): number {
  const from = lastRun ?? now;
  const localMidnight = Math.floor((from + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS;
  const today = localMidnight + DIGEST_HOUR * 3_600_000;
  return today > from ? today : today + DAY_MS;
}

function line(origin: string | null, entry: DigestLine, when: string): string {
  const { record } = entry;
  const link = origin ? ` ${origin}${casePath(record.id)}` : '';
  // The subject line of a case carries no personal data: a denunciation reads "Tố cáo" (docs/adr/0059).
  return `- ${record.trackingCode} · ${SERVICE_LABELS[record.service]} · ${record.subject} · ${when}${link}`;
}

/** One officer's mail: pure, so what it lists is tested as data. */
export function digestMail(
  department: Pick<CaseDepartment, 'name' | 'origin'>,
  officer: AccountRecord,
  digest: Digest,
  escalated: readonly DigestLine[],
  now: number,
) {
  const date = formatDateShort(now);
  const section = (title: string, lines: string[]) => (lines.length ? ['', title, ...lines] : []);
  const due = (l: DigestLine) => t('digest.due', { date: formatDateShort(l.record.dueAt!), days: l.workingDays });
  const late = (l: DigestLine) => t('digest.late', { date: formatDateShort(l.record.dueAt!), days: l.workingDays });
  const text = [
    t('digest.greeting', { name: officer.fullName }),
    '',
    t('digest.intro', { department: department.name, date, days: DIGEST_WORKING_DAYS }),
    ...section(
      t('digest.overdue', { count: digest.overdue.length }),
      digest.overdue.map((l) => line(department.origin, l, late(l))),
    ),
    ...section(
      t('digest.dueSoon', { count: digest.dueSoon.length }),
      digest.dueSoon.map((l) => line(department.origin, l, due(l))),
    ),
    ...section(
      t('digest.escalated', { count: escalated.length }),
      escalated.map((l) => line(department.origin, l, late(l))),
    ),
    '',
    t('digest.footer'),
  ].join('\n');
  return { subject: t('digest.subject', { department: department.name, date }), text };
}

const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));

export interface ReminderDeps {
  storage: Pick<Storage, 'cases' | 'accounts' | 'serviceGrants'>;
  calendar: WorkingCalendar;
  departments: ReadonlyMap<string, CaseDepartment>;
  mail: MailOptions | null;
  escalationWorkingDays: number;
}

export function createCaseReminders(deps: ReminderDeps) {
  const { storage, calendar } = deps;

  async function openCases(departmentId: string): Promise<CaseRecord[]> {
    const out: CaseRecord[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await storage.cases.list({ departmentId, statuses: OPEN_STATUSES, limit: PAGE, offset });
      out.push(...page);
      if (page.length < PAGE) return out;
    }
  }

  return {
    nextDue: nextDigestAt,

    /** The head's list on the back-office home: overdue by the margin or more. */
    async escalated(departmentId: string, now: number): Promise<DigestLine[]> {
      return escalatedOf(await openCases(departmentId), now, calendar, deps.escalationWorkingDays);
    },

    /** The morning mails of every department; nothing on a day off. Returns how many were sent. */
    async sendDigests(now: number): Promise<number> {
      if (!deps.mail || !isWorkingDay(vietnamDate(new Date(now)), calendar)) return 0;
      let sent = 0;
      for (const department of deps.departments.values()) {
        const [cases, officers, grants] = await Promise.all([
          openCases(department.id),
          storage.accounts.list(department.id),
          storage.serviceGrants.list(department.id),
        ]);
        const escalated = escalatedOf(cases, now, calendar, deps.escalationWorkingDays);
        for (const officer of officers) {
          if (officer.status !== 'active' || !officer.email) continue;
          const granted = new Set(grants.filter((g) => g.accountId === officer.id).map((g) => g.service));
          const digest = digestOf(casesOf(officer, granted, cases), now, calendar);
          const headsUp = officer.role === 'head' ? escalated : [];
          if (digest.overdue.length + digest.dueSoon.length + headsUp.length === 0) continue;
          const mail = digestMail(department, officer, digest, headsUp, now);
          try {
            await sendMail(deps.mail.smtp, { from: deps.mail.from, to: officer.email, ...mail });
            sent += 1;
          } catch (error) {
            // Logged by account, never by address or content; the others still get theirs.
            console.error(
              `congso: không gửi được thư nhắc hạn cho tài khoản ${officer.username}: ${(error as Error).message}`,
            );
          }
        }
      }
      return sent;
    },
  };
}

export type CaseReminders = ReturnType<typeof createCaseReminders>;
