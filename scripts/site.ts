/**
 * `npm run site -- list`
 * `npm run site -- rename --site <mã> --name "<tên mới>"`
 * `npm run site -- remove --site <mã> --confirm <mã>`
 *
 * The operator's side of the province administrator's page /quan-tri/don-vi/
 * (docs/adr/0104): the same service, through the publication gate, in the
 * audit log as "system:site". Opening a department is `npm run new-site`.
 */
import { parseArgs } from 'node:util';
import { loadDepartments } from '#src/content-source/departments.ts';
import { systemPrincipal } from '#server/accounts/index.ts';
import { buildDepartmentSite, openDepartmentCommand } from '#server/operations/index.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { exitOnRefusal } from './cli/exit-on-refusal.ts';

exitOnRefusal();
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { site: { type: 'string' }, name: { type: 'string' }, confirm: { type: 'string' } },
});
const USAGE =
  'Cách dùng: npm run site -- list | rename --site <mã> --name "<tên mới>" | remove --site <mã> --confirm <mã>';
const [action] = positionals;
if (
  !['list', 'rename', 'remove'].includes(action ?? '') ||
  (action !== 'list' && !values.site) ||
  (action === 'rename' && !values.name)
) {
  console.error(USAGE);
  process.exit(2);
}

const command = await openDepartmentCommand(process.env);
try {
  const actor = { ...systemPrincipal('site'), fullName: 'Quản trị hệ thống (npm run site)' };
  if (action === 'list') {
    for (const d of await loadDepartments(command.installation.contentDir))
      console.log(`${d.id}\t${d.name}\t${d.domains.join(', ')}`);
  } else if (action === 'rename') {
    const { commit } = await command.service.rename(actor, values.site!, values.name!, NO_REQUEST);
    console.log(
      `✓ Đã đổi tên đơn vị ${values.site} thành "${values.name}" (commit ${commit.slice(0, 7)}); địa chỉ trang giữ nguyên.`,
    );
    await buildDepartmentSite(command.installation.contentDir, command.installation.distDir, values.site!);
    console.log('✓ Đã dựng lại trang; máy chủ đang chạy dùng tên mới trong vòng một phút.');
  } else {
    const { commit, disabled } = await command.service.remove(actor, values.site!, values.confirm ?? '', NO_REQUEST);
    console.log(
      `✓ Đã gỡ trang ${values.site} (commit ${commit.slice(0, 7)}); nội dung vẫn còn trong lịch sử git và các bản sao lưu.`,
    );
    console.log(
      `  Đã vô hiệu hóa ${disabled.length} tài khoản${disabled.length ? `: ${disabled.join(', ')}` : ''}. Hồ sơ dịch vụ công của đơn vị được giữ đến hết thời hạn lưu trữ.`,
    );
  }
} finally {
  await command.close();
}
