import nodemailer from 'nodemailer';

/**
 * Hands one plain-text message to the province's relay (RFC 5321) through
 * nodemailer, the maintained Node mail library: its SMTP state machine, MIME
 * encoding and STARTTLS are better kept by it than by us.
 *
 * `secure` is implicit TLS (port 465). Otherwise the connection starts plain
 * and is upgraded with STARTTLS whenever the relay offers it; when a
 * password is configured the upgrade is required (`requireTLS`): the
 * credentials never cross the network in clear, and a relay — or someone in
 * the middle stripping the STARTTLS offer — that will not do TLS gets no
 * message rather than the password (RFC 8314 §3, OWASP ASVS 5.0 V12.3).
 */
export interface SmtpOptions {
  host: string;
  port: number;
  secure?: boolean;
  user?: string;
  password?: string;
  /** PEM of the CA that signed a relay's private certificate (`SMTP_CA_FILE`); the system's CAs otherwise. */
  ca?: string;
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

/** Addresses are ours (config) or validated by the form schema; CR/LF or brackets would still forge headers, so they never pass. */
function cleanAddress(address: string): string {
  if (/[\r\n<>,;]/.test(address)) throw new RangeError('invalid e-mail address');
  return address.trim();
}

export function createSmtpTransport(options: SmtpOptions) {
  const withPassword = Boolean(options.user);
  const timeout = options.timeoutMs ?? 15_000;
  return nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    requireTLS: !options.secure && withPassword,
    auth: withPassword ? { user: options.user!, pass: options.password ?? '' } : undefined,
    name: options.clientName ?? 'congso',
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    tls: { minVersion: 'TLSv1.2', servername: options.host, ...(options.ca ? { ca: options.ca } : {}) },
    // Messages are built from our own text: no file or URL is ever read into one.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}

export async function sendMail(options: SmtpOptions, message: MailMessage): Promise<void> {
  const transport = createSmtpTransport(options);
  try {
    await transport.sendMail({
      from: cleanAddress(message.from),
      // An object, not a string nodemailer would parse: one recipient, exactly this one.
      to: { name: '', address: cleanAddress(message.to) },
      subject: message.subject.replace(/[\r\n]+/g, ' '),
      text: message.text,
      textEncoding: 'base64',
    });
  } finally {
    transport.close();
  }
}
