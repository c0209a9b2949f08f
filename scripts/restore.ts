/**
 * `npm run restore -- --from <folder> [--force]`, with the server stopped:
 * checks every file of the backup, then puts back the database, citizens'
 * files, keys and content repository and rebuilds the sites (docs/adr/0100).
 * Refuses an installation that holds data unless --force.
 */
import { parseArgs } from 'node:util';
import { installationFromEnv, restoreBackup } from '#server/operations/index.ts';
import { exitOnRefusal } from './cli/exit-on-refusal.ts';

exitOnRefusal();
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { values } = parseArgs({ options: { from: { type: 'string' }, force: { type: 'boolean', default: false } } });
if (!values.from) {
  console.error('Cách dùng: npm run restore -- --from <thư mục bản sao lưu> [--force]   (dừng máy chủ trước)');
  process.exit(2);
}
const restored = await restoreBackup({
  installation: installationFromEnv(process.env),
  from: values.from,
  force: values.force,
});
const { accounts, cases, attachments, refs } = restored.manifest.counts;
console.log(
  `✓ Đã khôi phục bản sao lưu ${restored.dir} (lập lúc ${restored.manifest.createdAt}) trong ${restored.seconds.restore.toFixed(1)} giây.`,
);
console.log(
  `  ${accounts} tài khoản, ${cases} hồ sơ, ${attachments} tệp đính kèm, ${refs} nhánh và bản ghi của kho nội dung; mọi tệp đã khớp mã kiểm tra.`,
);
console.log(
  `  Đã dựng lại ${restored.sites.length} trang trong ${restored.seconds.rebuild.toFixed(1)} giây: ${restored.sites.join(', ')}.`,
);
console.log('  Khởi động lại máy chủ: npm start');
