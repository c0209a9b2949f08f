import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A mail relay on 127.0.0.1 for tests, built on `smtp-server`: it keeps each
 * message and each AUTH attempt (with whether the connection was encrypted
 * at that moment), and offers STARTTLS only when given a certificate.
 */
export interface SinkMessage {
  from: string;
  to: string[];
  raw: string;
  /** The decoded text body. */
  text: string;
}

export interface SmtpSink {
  port: number;
  messages: SinkMessage[];
  auths: Array<{ username: string; password: string; secure: boolean }>;
  close(): Promise<void>;
}

export interface SinkOptions {
  /** Offer STARTTLS with this certificate; without it the relay is plain only. */
  tls?: { key: string; cert: string };
  /** Accept AUTH over a plain connection, as a careless relay would. */
  allowInsecureAuth?: boolean;
}

function textOf(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  return /^content-transfer-encoding:\s*base64/im.test(headers)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body;
}

export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const auths: SmtpSink['auths'] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    allowInsecureAuth: options.allowInsecureAuth ?? false,
    disabledCommands: options.tls ? [] : ['STARTTLS'],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    onAuth(auth, session, callback) {
      auths.push({ username: auth.username ?? '', password: auth.password ?? '', secure: Boolean(session.secure) });
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          text: textOf(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, messages, auths, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A throw-away self-signed certificate for 127.0.0.1 / localhost, made with the system's openssl. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'congso-cert-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
