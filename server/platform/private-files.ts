import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the server keeps beside itself — the database, citizens' files,
 * secrets, the sample accounts' one-time passwords — is for the server's own
 * user only: folders it creates are 0700, files 0600 (OWASP ASVS 5.0 V13,
 * least privilege on the host). The mode is given at creation, when the
 * umask can only narrow it; a folder that already existed (/tmp, a mount) is
 * left as it is, since it is not ours.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Creates `file` empty and private if it is missing, and makes it private if
 * an older version of the server left it readable by others.
 */
export function ensurePrivateFile(file: string): void {
  ensurePrivateDir(path.dirname(file));
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Replaces `file` with `text`, private from its first byte; never writes through an old file or link. */
export function writePrivateFile(file: string, text: string): void {
  ensurePrivateDir(path.dirname(file));
  rmSync(file, { force: true });
  writeFileSync(file, text, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
}

/**
 * A 32-byte key kept in `file`: generated on first use, readable only by the
 * server's user, so what it signs survives restarts. Two processes starting
 * together agree: the loser of the exclusive create reads the winner's key.
 */
export function persistentSecret(file: string): Buffer {
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  } catch {
    const key = randomBytes(32);
    ensurePrivateDir(path.dirname(file));
    try {
      writeFileSync(file, key.toString('base64url'), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
      return key;
    } catch {
      return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
    }
  }
}
