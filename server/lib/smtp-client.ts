import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { randomUUID } from 'node:crypto';

/**
 * A minimal SMTP submission client (RFC 5321) over node:net / node:tls: enough
 * to hand one message to the province's relay. No dependency: the platform
 * sends plain notices, never attachments, and a relay does the rest.
 * `secure` is implicit TLS (port 465); without it the connection is plain,
 * which suits a relay on loopback or the internal network.
 */
export interface SmtpOptions {
  host: string;
  port: number;
  secure?: boolean;
  user?: string;
  password?: string;
  /** Name sent in EHLO. */
  clientName?: string;
  timeoutMs?: number;
}

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export class SmtpError extends Error {
  readonly reply: string;
  constructor(step: string, reply: string) {
    super(`SMTP ${step} refused: ${reply.slice(0, 200)}`);
    this.reply = reply;
  }
}

/** RFC 2047 for a header with Vietnamese text. */
function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** Addresses are ours (config) or validated by the form schema; CR/LF would still forge headers, so they never pass. */
function cleanAddress(address: string): string {
  if (/[\r\n<>]/.test(address)) throw new RangeError('invalid e-mail address');
  return address.trim();
}

export function formatMessage(message: MailMessage, now = new Date()): string {
  const body = Buffer.from(message.text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `From: ${cleanAddress(message.from)}`,
    `To: ${cleanAddress(message.to)}`,
    `Subject: ${encodeHeader(message.subject.replace(/[\r\n]+/g, ' '))}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@congso>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

/** Reads whole replies (multi-line "250-…" then "250 …") as they arrive. */
function replyReader(socket: Socket) {
  let buffer = '';
  const waiting: Array<{ resolve: (reply: string) => void; reject: (error: Error) => void }> = [];
  const replies: string[] = [];
  let failure: Error | null = null;
  const deliver = () => {
    while (replies.length > 0 && waiting.length > 0) waiting.shift()!.resolve(replies.shift()!);
  };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.search(/^\d{3} [^\n]*\r?\n/m)) >= 0) {
      const lineEnd = buffer.indexOf('\n', end) + 1;
      replies.push(buffer.slice(0, lineEnd));
      buffer = buffer.slice(lineEnd);
    }
    deliver();
  });
  const fail = (error: Error) => {
    failure = error;
    for (const w of waiting.splice(0)) w.reject(error);
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('SMTP connection closed')));
  return () =>
    new Promise<string>((resolve, reject) => {
      if (replies.length > 0) return resolve(replies.shift()!);
      if (failure) return reject(failure);
      waiting.push({ resolve, reject });
    });
}

export async function sendMail(options: SmtpOptions, message: MailMessage): Promise<void> {
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = options.secure
      ? connectTls({ host: options.host, port: options.port, servername: options.host }, () => resolve(s))
      : connectTcp({ host: options.host, port: options.port }, () => resolve(s));
    s.once('error', reject);
  });
  socket.setTimeout(options.timeoutMs ?? 15_000, () => socket.destroy(new Error('SMTP timeout')));
  const next = replyReader(socket);
  const expect = async (step: string, code: string) => {
    const reply = await next();
    if (!reply.startsWith(code)) throw new SmtpError(step, reply);
  };
  const send = async (step: string, line: string, code: string) => {
    socket.write(`${line}\r\n`);
    await expect(step, code);
  };
  try {
    await expect('greeting', '220');
    await send('EHLO', `EHLO ${options.clientName ?? 'congso'}`, '250');
    if (options.user) {
      const token = Buffer.from(`\0${options.user}\0${options.password ?? ''}`, 'utf8').toString('base64');
      await send('AUTH', `AUTH PLAIN ${token}`, '235');
    }
    await send('MAIL FROM', `MAIL FROM:<${cleanAddress(message.from)}>`, '250');
    await send('RCPT TO', `RCPT TO:<${cleanAddress(message.to)}>`, '250');
    await send('DATA', 'DATA', '354');
    // Dot-stuffing: a line starting with "." would otherwise end the message early.
    const data = formatMessage(message).replace(/^\./gm, '..');
    await send('message', `${data}\r\n.`, '250');
    socket.write('QUIT\r\n');
  } finally {
    socket.end();
  }
}
