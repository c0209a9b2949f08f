import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from './content-checks.ts';
import { englishPagesFindings } from './english-pages.ts';

const root = fileURLToPath(new URL('../../tests/fixtures/english-pages/', import.meta.url));

/**
 * `npm run check` names a department whose English pages are missing or older
 * than the Vietnamese they translate (docs/adr/0023-english-pages.md); a
 * translation of a page that does not exist is a broken link.
 */
describe('the English pages against their Vietnamese originals', () => {
  it('finds nothing to say about a department with its four pages, newer than what they translate', async () => {
    const report = await checkContent(root, ['sodaydu']);
    expect(report.problems).toEqual([]);
    expect(englishPagesFindings(report.sites)).toEqual([]);
  });

  it('names the department, the missing name and page, and the page older than its original, without failing the check', async () => {
    const report = await checkContent(root, ['socu']);
    const findings = englishPagesFindings(report.sites);
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ site: 'socu', kind: 'missing-name', file: 'sites/socu.yaml' }),
        expect.objectContaining({
          site: 'socu',
          kind: 'missing-page',
          message: expect.stringContaining('Online services'),
        }),
        expect.objectContaining({ site: 'socu', kind: 'outdated', file: 'content/socu/en/functions.mdx' }),
      ]),
    );
    expect(findings).toHaveLength(3);
    expect(report.problems.filter((p) => p.kind !== 'broken-translation')).toEqual([]);
  });

  it('refuses an English page that translates a page the site does not have', async () => {
    const report = await checkContent(root, ['socu']);
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'content/socu/en/leadership.mdx',
        field: 'translationOf',
        kind: 'broken-translation',
      }),
    ]);
  });
});
