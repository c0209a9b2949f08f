import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * One line per build of a site, appended to `dist/_history/<site>.jsonl`:
 * the IT officer's record of when each site was rebuilt, by whom, how long
 * it took and whether it went live (Điều 17.4, 18e). Append-only JSON lines
 * survive a crash mid-write (at worst one torn last line, skipped on read)
 * and need no database. `dist/_history` sits outside every site's folder
 * (no site id starts with `_`; a dot folder would look like a build leftover),
 * so the atomic swap of a site never touches it and it is never served.
 */
export const HISTORY_DIR = '_history';

export interface BuildRecord {
  site: string;
  /** ISO time the build finished. */
  at: string;
  /** `cli:<os user>` for `npm run build`, `publish:<username>` after a publication. */
  triggeredBy: string;
  durationMs: number;
  pages: number | null;
  entries: number | null;
  commit?: string;
  result: 'success' | 'failure';
  /** Stable code of the failure (`CONTENT_INVALID`, `BUILD_FAILED`…). */
  errorCode?: string;
  /** Entries left out of a publication build because they failed the check, with why (ADR 0045). */
  excluded?: Array<{ file: string; message: string; line?: number; field?: string; kind?: string }>;
}

export function historyFile(distDir: string, site: string): string {
  return path.join(distDir, HISTORY_DIR, `${site}.jsonl`);
}

export async function appendBuildRecord(distDir: string, record: BuildRecord): Promise<void> {
  await mkdir(path.join(distDir, HISTORY_DIR), { recursive: true });
  await appendFile(historyFile(distDir, record.site), `${JSON.stringify(record)}\n`);
}

/** Newest first, at most `limit`; a site never built has an empty history. */
export async function readBuildHistory(distDir: string, site: string, limit = 50): Promise<BuildRecord[]> {
  let text: string;
  try {
    text = await readFile(historyFile(distDir, site), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: BuildRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as BuildRecord);
    } catch {
      // A line torn by a crash mid-append: the rest of the history still reads.
    }
  }
  return records.reverse().slice(0, limit);
}
