import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCalendar, isWorkingDay } from '../calendar/working-days.ts';
import { loadHolidays } from './departments.ts';
import { ContentInvalidError } from './problems.ts';

// The province's announced days off change every deadline (Điều 14, docs/adr/0050).
describe('sites/_holidays.yaml as the server reads it', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'congso-holidays-'));
    await mkdir(path.join(root, 'sites'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const write = (text: string) => writeFile(path.join(root, 'sites', '_holidays.yaml'), text);

  it('makes an announced extra day off a day off and a make-up Saturday a working day', async () => {
    await write(
      [
        'closed:',
        '  - { date: 2026-12-28, name: Nghỉ thêm, source: Thông báo 1/TB-UBND }',
        'open:',
        '  - { date: 2026-12-26, name: Làm bù, source: Thông báo 1/TB-UBND }',
      ].join('\n'),
    );
    const calendar = createCalendar(await loadHolidays(root));
    expect(isWorkingDay('2026-12-28', calendar)).toBe(false);
    expect(isWorkingDay('2026-12-26', calendar)).toBe(true);
    expect(isWorkingDay('2026-12-28', createCalendar())).toBe(true);
  });

  it('is the national table alone when the file does not exist', async () => {
    expect(isWorkingDay('2026-12-28', createCalendar(await loadHolidays(root)))).toBe(true);
  });

  it('refuses a malformed file with the file named, in Vietnamese', async () => {
    await write('closed: 12\n');
    const error = await loadHolidays(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentInvalidError);
    expect(String((error as Error).message)).toContain('sites/_holidays.yaml');
  });
});
