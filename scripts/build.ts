import path from 'node:path';
import { ContentInvalidError, formatProblems } from '#src/content-source/problems.ts';
import { contentRepositoryDir, contentRepositoryExists } from '#server/editorial/index.ts';
import { buildSites, type BuildProgress, type BuildSitesResult } from '#src/build/build-sites.ts';
import { isDomainError } from '#src/errors.ts';
import { parseBuildArgs } from './cli/args.ts';
import { exitOnRefusal } from './cli/exit-on-refusal.ts';
import { formatBytes, formatCount, formatSeconds, formatTable } from '#src/text/table-format.ts';

/**
 * `npm run build [-- --site <id>[,<id>] --content-root <dir> --out <dir>]`:
 * checks the content, builds the department sites and swaps each into
 * `dist/<site>/` only when it built completely.
 */
process.env.ASTRO_TELEMETRY_DISABLED = '1';
exitOnRefusal();

function progress(event: BuildProgress): void {
  switch (event.type) {
    case 'checked':
      console.log(
        `✓ Nội dung hợp lệ: ${event.sites} trang, ${formatCount(event.entries)} bài (${formatSeconds(event.seconds)}). Dựng trang với ${event.workers} tiến trình…`,
      );
      break;
    case 'rendered':
      console.log(`  tiến trình ${event.worker + 1} xong: ${event.sites.join(', ')} (${formatSeconds(event.seconds)})`);
      break;
    case 'published':
      console.log(
        `[${event.index}/${event.total}] ${event.site.site}: ${formatCount(event.site.pages)} trang, ${formatSeconds(event.site.seconds)}`,
      );
      break;
  }
}

export function summary(result: BuildSitesResult): string {
  const rows = result.sites.map((s) => [s.site, formatCount(s.pages), formatBytes(s.bytes), formatSeconds(s.seconds)]);
  const pages = result.sites.reduce((n, s) => n + s.pages, 0);
  const bytes = result.sites.reduce((n, s) => n + s.bytes, 0);
  rows.push(['Tổng', formatCount(pages), formatBytes(bytes), formatSeconds(result.seconds)]);
  return [
    formatTable(['Trang', 'Số trang', 'Dung lượng', 'Thời gian'], rows, [false, true, true, true]),
    `(thời gian mỗi trang gồm phần của nó trong lượt dựng chung, chia theo số bài; tổng là thời gian thực)`,
  ].join('\n');
}

const args = parseBuildArgs(process.argv.slice(2));
// The server builds from the content repository; building the sample over its output would hide what editors published.
const repository = contentRepositoryDir();
if (path.resolve(args.contentRoot) !== repository && contentRepositoryExists()) {
  console.warn(
    `⚠ Đang dựng từ ${path.resolve(args.contentRoot)}, không phải kho nội dung ${repository} mà máy chủ đăng tải vào.
` +
      `  Để dựng lại nội dung đã đăng: npm run build -- --content-root ${path.relative(process.cwd(), repository) || '.'}`,
  );
}
try {
  const result = await buildSites({
    contentRoot: args.contentRoot,
    sites: args.sites,
    outDir: args.outDir,
    onProgress: progress,
  });
  console.log(`\n${summary(result)}`);
} catch (error) {
  if (error instanceof ContentInvalidError) {
    console.error(
      `✗ ${error.data.problems.length} lỗi trong nội dung, chưa dựng trang nào; các trang đang chạy giữ nguyên:\n${formatProblems(error.data.problems)}`,
    );
    process.exit(1);
  }
  if (isDomainError(error)) {
    console.error(`✗ ${error.message}\nCác trang đang chạy giữ nguyên.`);
    process.exit(1);
  }
  throw error;
}
