import path from 'node:path';
import { loadDepartments } from '#src/content-source/departments.ts';
import { ContentInvalidError, formatProblems } from '#src/content-source/problems.ts';
import { buildSites, PROJECT_ROOT } from '#src/build/build-sites.ts';
import { isDomainError } from '#src/errors.ts';
import { formatCount, formatSeconds } from '#src/text/table-format.ts';
import { staleSites, templatesMtime } from '#src/build/site-freshness.ts';
import { contentRepositoryDir, ensureContentRepository } from '#server/editorial/index.ts';

/**
 * `npm start`: builds the sites that are missing or out of date, then starts
 * the server (PORT, 4321 by default): the province portal at
 * http://localhost:4321/ and each site at http://<id>.localhost:4321/.
 * A site whose content has errors keeps its last good build.
 */
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Build from the content repository's folder: its working tree is `main`, what editors have
// published (created from the project's sites/ and content/ on first start).
const { dir: contentRoot } = await ensureContentRepository({ dir: contentRepositoryDir(), seedFrom: PROJECT_ROOT });
const outDir = path.resolve(process.env.CONGSO_DIST ?? 'dist');

const departments = await loadDepartments(contentRoot);
const stale = await staleSites({
  contentRoot,
  outDir,
  sites: departments.map((d) => d.id),
  templatesMtime: await templatesMtime(PROJECT_ROOT),
});
if (stale.length) {
  console.log(`Dựng ${stale.length} trang chưa có hoặc đã cũ: ${stale.join(', ')}`);
  try {
    const result = await buildSites({
      contentRoot,
      outDir,
      sites: stale,
      onProgress: (e) => {
        if (e.type === 'published')
          console.log(
            `[${e.index}/${e.total}] ${e.site.site}: ${formatCount(e.site.pages)} trang, ${formatSeconds(e.site.seconds)}`,
          );
      },
    });
    console.log(`✓ Đã dựng ${result.sites.length} trang trong ${formatSeconds(result.seconds)}.`);
  } catch (error) {
    if (error instanceof ContentInvalidError) {
      console.error(
        `✗ Nội dung có lỗi, các trang giữ bản dựng trước (nếu có):\n${formatProblems(error.data.problems)}`,
      );
    } else if (isDomainError(error)) {
      console.error(`✗ ${error.message}`);
    } else throw error;
  }
} else {
  console.log('Mọi trang đã được dựng và còn mới.');
}

process.env.CONTENT_REPO_DIR = contentRoot;
process.env.CONGSO_DIST = outDir;
await import('#server/platform/main.ts');
