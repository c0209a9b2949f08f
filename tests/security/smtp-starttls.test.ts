import { afterEach, describe, expect, it } from 'vitest';
import { sendMail } from '#server/platform/mail/smtp-client.ts';
import { selfSignedCertificate, startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

/**
 * With SMTP_USER set and SMTP_SECURE off, the relay password must never be
 * sent over a plain connection: STARTTLS first, or no mail at all.
 */
const MESSAGE = {
  from: 'khong-tra-loi@sotuphap.thuathienhue.gov.vn',
  to: 'nvan@sotuphap.thuathienhue.gov.vn',
  subject: 'Thử',
  text: 'Xin chào Huế',
};
const CREDENTIALS = { user: 'congso', password: 'mật-khẩu-relay-bí-mật' };

describe('SMTP with a password', () => {
  let sink: SmtpSink | undefined;
  afterEach(() => sink?.close());

  it('refuses to authenticate over a connection the relay will not encrypt, and sends nothing', async () => {
    sink = await startSmtpSink({ allowInsecureAuth: true });
    await expect(sendMail({ host: '127.0.0.1', port: sink.port, ...CREDENTIALS }, MESSAGE)).rejects.toThrow();
    expect(sink.auths).toEqual([]);
    expect(sink.messages).toEqual([]);
  });

  it('upgrades with STARTTLS, then authenticates and delivers', async () => {
    const tls = selfSignedCertificate();
    sink = await startSmtpSink({ tls });
    await sendMail({ host: '127.0.0.1', port: sink.port, ...CREDENTIALS, ca: tls.cert }, MESSAGE);
    expect(sink.auths).toEqual([{ username: CREDENTIALS.user, password: CREDENTIALS.password, secure: true }]);
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.to).toEqual([MESSAGE.to]);
    expect(sink.messages[0]!.text).toContain('Xin chào Huế');
  });

  it('does not trust a relay certificate it was not told to trust', async () => {
    sink = await startSmtpSink({ tls: selfSignedCertificate() });
    await expect(sendMail({ host: '127.0.0.1', port: sink.port, ...CREDENTIALS }, MESSAGE)).rejects.toThrow();
    expect(sink.auths).toEqual([]);
  });

  it('still hands mail without a password to a plain internal relay', async () => {
    sink = await startSmtpSink();
    await sendMail({ host: '127.0.0.1', port: sink.port }, MESSAGE);
    expect(sink.messages.map((m) => m.text)).toEqual([expect.stringContaining('Xin chào Huế')]);
  });
});
