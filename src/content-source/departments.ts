import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DepartmentSchema, type Department } from '../schema/department.ts';
import { HolidaysSchema, type Holidays } from '../schema/holidays.ts';
import { ProvinceSchema, type Province } from '../schema/province.ts';
import { deriveAbbreviation, deriveDomains, shortNameOf } from '../schema/department-address.ts';
import { ContentInvalidError, problemsFromZod, type ContentProblem } from './problems.ts';

export const PROVINCE_FILE = 'sites/_province.yaml';
export const HOLIDAYS_FILE = 'sites/_holidays.yaml';
const SITE_ID = /^[a-z0-9]{2,40}$/;

async function readYaml(root: string, rel: string, problems: ContentProblem[]): Promise<unknown> {
  try {
    return parseYaml(await readFile(path.join(root, rel), 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { linePos?: Array<{ line: number }> };
    if (e.code === 'ENOENT') return undefined;
    problems.push({ file: rel, line: e.linePos?.[0]?.line, message: `YAML không hợp lệ: ${e.message.split('\n')[0]}` });
    return undefined;
  }
}

export async function loadProvince(root: string): Promise<Province> {
  const problems: ContentProblem[] = [];
  const raw = (await readYaml(root, PROVINCE_FILE, problems)) ?? {};
  const parsed = ProvinceSchema.safeParse(raw);
  if (!parsed.success) problems.push(...problemsFromZod(PROVINCE_FILE, parsed.error));
  if (problems.length) throw new ContentInvalidError(problems);
  return parsed.data!;
}

/**
 * The province's announced changes to the national holiday table (days off
 * added, Saturdays worked), read by the case deadlines (Điều 14,
 * docs/adr/0050). No file means the national table alone.
 */
export async function loadHolidays(root: string): Promise<Holidays> {
  const problems: ContentProblem[] = [];
  const raw = (await readYaml(root, HOLIDAYS_FILE, problems)) ?? {};
  const parsed = HolidaysSchema.safeParse(raw);
  if (!parsed.success) problems.push(...problemsFromZod(HOLIDAYS_FILE, parsed.error));
  if (problems.length) throw new ContentInvalidError(problems);
  return parsed.data!;
}

/** Every department of `sites/*.yaml`, derived fields filled in, sorted by Vietnamese name. */
export async function loadDepartments(root: string): Promise<Department[]> {
  const province = await loadProvince(root);
  const problems: ContentProblem[] = [];
  const files = (await readdir(path.join(root, 'sites')))
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .sort();
  const departments: Department[] = [];
  for (const file of files) {
    const rel = `sites/${file}`;
    const id = file.slice(0, -'.yaml'.length);
    if (!SITE_ID.test(id)) {
      problems.push({
        file: rel,
        message: 'Tên tệp phải là mã trang: chữ thường không dấu và chữ số, ví dụ sotuphap.yaml.',
      });
      continue;
    }
    const raw = await readYaml(root, rel, problems);
    if (raw === undefined) continue;
    const parsed = DepartmentSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...problemsFromZod(rel, parsed.error));
      continue;
    }
    const config = parsed.data;
    const abbr = config.abbr ?? deriveAbbreviation(config.name);
    const domains = config.domains ?? deriveDomains(abbr, province);
    departments.push({
      ...config,
      id,
      abbr,
      shortName: config.shortName ?? shortNameOf(config.name),
      domains,
      url: `https://${domains[0]}`,
    });
  }
  const seen = new Map<string, string>();
  for (const d of departments) {
    for (const domain of d.domains) {
      const other = seen.get(domain);
      if (other)
        problems.push({
          file: `sites/${d.id}.yaml`,
          field: 'domains',
          message: `Tên miền ${domain} trùng với trang ${other}.`,
        });
      seen.set(domain, d.id);
    }
  }
  if (problems.length) throw new ContentInvalidError(problems);
  const collator = new Intl.Collator('vi');
  return departments.sort((a, b) => collator.compare(a.name, b.name));
}
