import { SECTIONS } from '../schema/sections.ts';
import { loadDepartments } from './departments.ts';
import { loadSection, unknownSectionFolders, type Entry } from './entries.ts';
import { ContentInvalidError, type ContentProblem } from './problems.ts';
import type { Department } from '../schema/department.ts';

export interface SiteContent {
  department: Department;
  entries: Entry[];
}

export interface ValidationReport {
  sites: SiteContent[];
  problems: ContentProblem[];
}

/**
 * Loads and checks every site under a content root: schemas, MDX safety and
 * that each of the eight Điều 7 sections has at least one entry.
 */
export async function validateContent(root: string, only?: string[]): Promise<ValidationReport> {
  const problems: ContentProblem[] = [];
  let departments: Department[];
  try {
    departments = await loadDepartments(root);
  } catch (error) {
    if (error instanceof ContentInvalidError) return { sites: [], problems: error.data.problems };
    throw error;
  }
  if (only?.length) {
    for (const id of only) {
      if (!departments.some((d) => d.id === id))
        problems.push({ file: `sites/${id}.yaml`, message: `Không có trang "${id}".`, kind: 'unknown-site' });
    }
    departments = departments.filter((d) => only.includes(d.id));
  }
  const sites: SiteContent[] = [];
  for (const department of departments) {
    const entries: Entry[] = [];
    for (const folder of await unknownSectionFolders(root, department.id)) {
      const known = SECTIONS.map((s) => s.id).join(', ');
      problems.push({
        file: `content/${department.id}/${folder}`,
        message: `Chuyên mục không tồn tại; chỉ có: ${known}, và thư mục tệp "tep".`,
        kind: 'unknown-section',
      });
    }
    for (const section of SECTIONS) {
      const result = await loadSection(root, department.id, section.id);
      problems.push(...result.problems);
      entries.push(...result.value);
      if (section.clause !== null && result.value.length === 0 && result.problems.length === 0) {
        problems.push({
          file: `content/${department.id}/${section.id}/`,
          message: `Thiếu chuyên mục bắt buộc "${section.title}" (Điều 7, khoản ${section.clause}): chưa có bài nào.`,
          kind: 'missing-section',
        });
      }
    }
    sites.push({ department, entries });
  }
  return { sites, problems };
}
