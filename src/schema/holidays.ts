import { z } from 'zod';
import { Text } from './common.ts';

/**
 * Province overrides of the national working-day calendar
 * (`sites/_holidays.yaml`). The national table in `src/calendar/working-days.ts`
 * covers 2024–2030; this file records what only the yearly announcements
 * settle (a swapped working day, a different day next to Quốc khánh, a day of
 * national mourning) and extends the calendar past 2030.
 *
 * A date listed here wins over the national table: `closed` makes it a day
 * off, `open` makes it a working day (a make-up Saturday, or a default day
 * off the announcement did not keep).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/**
 * `2026-01-02`. YAML 1.1 readers turn an unquoted date into a Date at UTC
 * midnight; taking its UTC day gives back exactly what was written.
 */
export const IsoDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'Ngày phải viết theo dạng YYYY-MM-DD, ví dụ 2026-01-02.' })
    .regex(ISO_DATE, { error: 'Ngày phải viết theo dạng YYYY-MM-DD, ví dụ 2026-01-02.', abort: true })
    .refine(isCalendarDate, 'Ngày này không có trong lịch.'),
);

/** Unknown keys are refused: a misspelt `cloesd:` must not drop a day off silently. */
function objectError(message: string) {
  return {
    error: (issue: z.core.$ZodRawIssue) =>
      issue.code === 'unrecognized_keys' ? `Khoá không được hỗ trợ: ${(issue.keys as string[]).join(', ')}.` : message,
  };
}

export const HolidayDaySchema = z.strictObject(
  {
    date: IsoDateSchema,
    /** Shown to officers beside a deadline that moved: "Nghỉ hoán đổi dịp Tết Dương lịch". */
    name: Text(200),
    /** The document that decided it: "Thông báo số …/TB-BNV ngày …". */
    source: Text(300).optional(),
  },
  objectError('Mỗi ngày ghi date, name và source (nếu có).'),
);
export type HolidayDay = z.infer<typeof HolidayDaySchema>;

export const HolidaysSchema = z
  .strictObject(
    {
      /** Days off that the national table lacks. */
      closed: z.array(HolidayDaySchema, { error: 'closed phải là danh sách các ngày.' }).default([]),
      /** Working days, even on a Saturday or on a day the national table closes. */
      open: z.array(HolidayDaySchema, { error: 'open phải là danh sách các ngày.' }).default([]),
      /**
       * Last year this file lists completely, lunar holidays included. Needed
       * only past 2030: deadlines running into a year nobody has listed are
       * refused rather than computed without Tết.
       */
      coversThrough: z
        .number({ error: 'Năm phải là một số, ví dụ 2031.' })
        .int('Năm phải là số nguyên.')
        .min(2024, 'Năm không được trước 2024.')
        .max(2100, 'Năm không được sau 2100.')
        .optional(),
    },
    objectError('Tệp ngày nghỉ gồm các khoá closed, open và coversThrough.'),
  )
  .superRefine((file, ctx) => {
    for (const list of ['closed', 'open'] as const) {
      const seen = new Set<string>();
      file[list].forEach((day, index) => {
        if (seen.has(day.date)) {
          ctx.addIssue({
            code: 'custom',
            path: [list, index, 'date'],
            message: `Ngày ${day.date} đã được khai báo ở trên.`,
          });
        }
        seen.add(day.date);
      });
    }
    const closed = new Set(file.closed.map((d) => d.date));
    file.open.forEach((day, index) => {
      if (closed.has(day.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['open', index, 'date'],
          message: `Ngày ${day.date} không thể vừa là ngày nghỉ vừa là ngày làm việc.`,
        });
      }
    });
  });
export type HolidaysInput = z.input<typeof HolidaysSchema>;
export type Holidays = z.infer<typeof HolidaysSchema>;
