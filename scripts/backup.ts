/**
 * `npm run backup -- --to <folder> [--keep N]`: a consistent copy of this
 * installation (database, citizens' files, keys, content repository) in a
 * new folder under <folder> (docs/adr/0100). Runs beside a running server.
 * With --keep, older backups in <folder> beyond the newest N are removed.
 */
import { parseArgs } from 'node:util';
import { createBackup, installationFromEnv, pruneBackups } from '#server/operations/index.ts';
import { openStorage } from '#server/platform/storage/open-storage.ts';
import { exitOnRefusal } from './cli/exit-on-refusal.ts';

exitOnRefusal();
const { values } = parseArgs({ options: { to: { type: 'string' }, keep: { type: 'string' } } });
const keep = values.keep === undefined ? null : Number(values.keep);
if (!values.to || (keep !== null && !(Number.isInteger(keep) && keep >= 1))) {
  console.error('Cách dùng: npm run backup -- --to <thư mục sao lưu> [--keep <số bản giữ lại, từ 1>]');
  process.exit(2);
}
const storage = await openStorage(process.env);
try {
  const { dir, manifest } = await createBackup({
    installation: installationFromEnv(process.env),
    storage,
    to: values.to,
  });
  const { accounts, cases, attachments, refs } = manifest.counts;
  const megabytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0) / 1_048_576;
  console.log(`✓ Đã sao lưu vào ${dir} trong ${manifest.seconds.toFixed(1)} giây (${megabytes.toFixed(1)} MB).`);
  console.log(
    `  ${accounts} tài khoản, ${cases} hồ sơ, ${attachments} tệp đính kèm, ${refs} nhánh và bản ghi của kho nội dung (cơ sở dữ liệu ${manifest.database.dialect}).`,
  );
  console.log(`  Khôi phục: dừng máy chủ, rồi npm run restore -- --from ${dir}`);
  if (keep !== null) for (const old of await pruneBackups(values.to, keep)) console.log(`  Đã xoá bản cũ ${old}.`);
} finally {
  await storage.close();
}
