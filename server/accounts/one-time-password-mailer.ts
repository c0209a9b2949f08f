import { sendMail } from '#server/platform/mail/smtp-client.ts';
import type { HostIndex } from '#server/platform/http/site-for-host.ts';
import type { AccountRecord } from '#server/platform/storage/records.ts';
import type { MailOptions } from '#server/platform/mail/mail-options.ts';
import { formatDateTime } from '#src/text/format-date.ts';

/**
 * Sends a one-time password to the holder's official address, so that
 * whoever created or reset the account never sees it (docs/adr/0017).
 * Awaited, unlike case notices: the caller must know whether it left.
 */
export interface OneTimePasswordMailer {
  send(account: AccountRecord, oneTimePassword: string, why: 'created' | 'reset', issuedBy: string): Promise<void>;
}

export function createOneTimePasswordMailer(options: MailOptions, sites: HostIndex): OneTimePasswordMailer {
  return {
    async send(account, oneTimePassword, why, issuedBy) {
      const department = account.departmentId ? sites.byId.get(account.departmentId) : undefined;
      const where = department
        ? `https://${department.domains[0]}/quan-tri/`
        : 'trang quản trị của cổng tỉnh (/quan-tri/)';
      const lines = [
        `Kính gửi ${account.fullName},`,
        '',
        why === 'created'
          ? `${issuedBy} vừa tạo cho Ông/Bà tài khoản quản trị ${department ? `trang ${department.name}` : 'cổng thông tin tỉnh'}.`
          : `${issuedBy} vừa cấp lại mật khẩu tài khoản quản trị của Ông/Bà.`,
        '',
        `Tên đăng nhập: ${account.username}`,
        `Mật khẩu dùng một lần: ${oneTimePassword}`,
        `Hết hạn lúc: ${account.passwordExpiresAt ? formatDateTime(account.passwordExpiresAt, { seconds: true }) : ''}`,
        '',
        `Đăng nhập tại ${where} và đặt mật khẩu mới ngay (Điều 11, khoản 2). Mật khẩu này chỉ gửi tới Ông/Bà; không ai khác trong cơ quan nhìn thấy nó. Không chuyển thư này cho người khác.`,
        'Nếu Ông/Bà không đề nghị việc này, hãy báo ngay cho Trưởng Ban Biên tập.',
        '',
        'Thư này được gửi tự động, vui lòng không trả lời.',
      ];
      await sendMail(options.smtp, {
        from: options.from,
        to: account.email!,
        subject: why === 'created' ? 'Tài khoản quản trị mới' : 'Mật khẩu dùng một lần mới',
        text: lines.join('\n'),
      });
    },
  };
}
