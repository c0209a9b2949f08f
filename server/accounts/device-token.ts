import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * "This browser signed in to this account before" (docs/adr/0018): a
 * cookie the server signs with HMAC-SHA-256 and a key of its own, given on
 * each successful sign-in. It proves nothing about who types the password —
 * the password is still checked — it only decides which throttle bucket an
 * attempt counts against, so strangers' failures never slow the holder's
 * own computer. Bound to the username: a token for one account is worth
 * nothing for another.
 */
export const DEVICE_TOKEN_MAX_AGE_MS = 180 * 24 * 3_600_000;
const VERSION = 'v1';
const TOKEN = /^v1\.([A-Za-z0-9_-]{22})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: Uint8Array, username: string, deviceId: string, issuedAt: string): string {
  return createHmac('sha256', secret)
    .update(`congso-device|${VERSION}|${username}|${deviceId}|${issuedAt}`)
    .digest('base64url');
}

/** A new token; pass the device id of a verified token to renew it without losing the device's bucket. */
export function issueDeviceToken(
  secret: Uint8Array,
  username: string,
  now: number,
  deviceId = randomBytes(16).toString('base64url'),
): string {
  const issuedAt = now.toString(36);
  return `${VERSION}.${deviceId}.${issuedAt}.${mac(secret, username, deviceId, issuedAt)}`;
}

/** The device id, or null when the token is malformed, forged, for another account or too old. */
export function verifyDeviceToken(
  secret: Uint8Array,
  username: string,
  token: string | undefined,
  now: number,
): string | null {
  const match = token ? TOKEN.exec(token) : null;
  if (!match) return null;
  const [, deviceId, issuedAt, given] = match;
  const expected = Buffer.from(mac(secret, username, deviceId!, issuedAt!));
  if (!timingSafeEqual(expected, Buffer.from(given!))) return null;
  const age = now - parseInt(issuedAt!, 36);
  return age >= 0 && age <= DEVICE_TOKEN_MAX_AGE_MS ? deviceId! : null;
}
