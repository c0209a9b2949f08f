/**
 * `npm run new-site -- --name "Sở Công Thương" [--abbr congthuong] [--head "<họ tên>"] [--head-email <…gov.vn>]
 *   [--it-officer "<họ tên>"] [--it-officer-email <…gov.vn>]`
 *
 * Opens a department where the server serves departments (docs/adr/0104):
 * its site enters the content repository through the publication gate, its
 * head and IT officer get their first accounts, the site is built, and a
 * running server serves it within a minute. What it prints is what to do next.
 */
import { parseArgs } from 'node:util';
import { ROLE_LABELS } from '#src/schema/roles.ts';
import { systemPrincipal } from '#server/accounts/index.ts';
import { buildDepartmentSite, openDepartmentCommand, serverRunning } from '#server/operations/index.ts';
import { NO_REQUEST } from '#server/platform/http/request-meta.ts';
import { exitOnRefusal } from './cli/exit-on-refusal.ts';

exitOnRefusal();
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    abbr: { type: 'string' },
    head: { type: 'string', default: 'Trưởng Ban Biên tập' },
    'head-email': { type: 'string' },
    'it-officer': { type: 'string', default: 'Cán bộ Công nghệ thông tin' },
    'it-officer-email': { type: 'string' },
  },
});
if (!values.name) {
  console.error(
    'Cách dùng: npm run new-site -- --name "Sở Công Thương" [--abbr congthuong] [--head "Họ tên Trưởng Ban"] [--it-officer "Họ tên Cán bộ CNTT"]',
  );
  process.exit(2);
}

const command = await openDepartmentCommand(process.env);
try {
  const { installation, service, mirror } = command;
  const actor = { ...systemPrincipal('new-site'), fullName: 'Quản trị hệ thống (npm run new-site)' };
  const created = await service.create(
    actor,
    {
      name: values.name,
      abbr: values.abbr,
      head: { fullName: values.head, email: values['head-email'] },
      itOfficer: { fullName: values['it-officer'], email: values['it-officer-email'] },
    },
    NO_REQUEST,
  );
  console.log(
    `✓ Đã lập trang "${created.id}" cho ${created.name} trong kho nội dung ${installation.contentDir} (commit ${created.commit.slice(0, 7)}).`,
  );
  console.log(`  Địa chỉ chính thức (Điều 3): ${created.domains.join(', ')}`);
  const pages = await buildDepartmentSite(installation.contentDir, installation.distDir, created.id);
  console.log(`✓ Đã dựng trang: ${pages} trang trong ${installation.distDir}/${created.id}.`);
  if (mirror) {
    const pushed = await Promise.race([
      mirror.synced().then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 20_000)),
    ]);
    console.log(
      pushed
        ? '✓ Đã đẩy lên kho dự phòng.'
        : '  Kho dự phòng chưa nhận được thay đổi; máy chủ sẽ đẩy lại trong vài phút.',
    );
  }

  console.log(
    '\nTài khoản đầu tiên (mật khẩu dùng một lần: chỉ hiện lần này, hết hạn sau 72 giờ, phải đổi ở lần đăng nhập đầu tiên):',
  );
  for (const { account, oneTimePassword, delivery } of created.accounts) {
    const secret =
      delivery.channel === 'email' ? `đã gửi tới ${delivery.maskedAddress}` : `mật khẩu: ${oneTimePassword}`;
    console.log(
      `  ${ROLE_LABELS[account.role].padEnd(26)} ${account.fullName.padEnd(28)} tên đăng nhập: ${account.username.padEnd(14)} ${secret}`,
    );
  }

  const port = Number(process.env.PORT ?? 4321);
  const origin = `http://${created.id}.localhost:${port}`;
  const running = await serverRunning(port);
  console.log('\nBước tiếp theo:');
  console.log(
    running
      ? `  1. Mở ${origin}/ — máy chủ đang chạy phục vụ trang mới trong vòng một phút, không cần khởi động lại.`
      : `  1. Khởi động máy chủ: npm start, rồi mở ${origin}/`,
  );
  console.log(
    `  2. Trưởng Ban đăng nhập ${origin}/quan-tri/ bằng tài khoản ở trên và đặt mật khẩu mới; Cán bộ CNTT tạo tài khoản cho các thành viên khác của Ban Biên tập (Điều 17).`,
  );
  console.log(
    `  3. Ban Biên tập thay các bài mẫu và mọi dòng "CẦN ĐIỀN" tại ${origin}/admin/ (nhập → xác thực → đăng tải, Điều 19).`,
  );
  console.log(
    `  Trên máy chủ của tỉnh, trang có địa chỉ https://${created.domains[0]}/ khi tên miền trỏ về máy chủ (docs/deploy/nginx.conf).`,
  );
} finally {
  await command.close();
}
