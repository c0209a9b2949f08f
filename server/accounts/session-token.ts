import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 16;
/** base64url of 16 bytes: exactly 22 characters. Anything else is not ours. */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** 128 random bits: unguessable, and short enough for a cookie. */
export function generateSessionToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * Only this digest is stored, so a leaked database or backup holds no usable
 * session. A plain SHA-256 suffices: the token already has 128 bits of entropy.
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
