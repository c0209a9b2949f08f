import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ProofOfWorkExpiredError, ProofOfWorkInvalidError, ProofOfWorkReplayedError } from './errors.ts';
import { systemClock, type Clock } from '#server/platform/clock.ts';

/**
 * A hashcash-style challenge in front of the citizen forms, instead of a
 * third-party captcha (see docs/adr/0051): the server hands out a signed
 * challenge; the browser finds a nonce such that SHA-256(challenge + nonce)
 * starts with N zero bits (about 2^N hashes: at the default, around a
 * second in a worker on a low-end phone); the server checks it with one hash. Nobody is asked to
 * identify traffic lights, nothing leaves the province's servers, and a
 * script that wants to send ten thousand complaints pays ten thousand times.
 *
 * The challenge is stateless (HMAC-signed: scope, expiry, difficulty, random
 * id); only spent challenges are remembered, in a `ReplayStore`, until they
 * expire.
 */

/**
 * Spent challenges. `consume` must be atomic (insert if absent): two
 * requests racing with the same solution must not both get `true`.
 * Entries may be forgotten after `expiresAt`, when the signature check
 * refuses the challenge anyway.
 */
export interface ReplayStore {
  consume(id: string, expiresAt: number): boolean | Promise<boolean>;
}

/** For one process and for tests; a cluster needs the shared storage's implementation. */
export class MemoryReplayStore implements ReplayStore {
  readonly #spent = new Map<string, number>();
  readonly #clock: Clock;

  constructor(clock: Clock = systemClock) {
    this.#clock = clock;
  }

  consume(id: string, expiresAt: number): boolean {
    const now = this.#clock();
    if (this.#spent.size > 10_000) for (const [key, until] of this.#spent) if (until <= now) this.#spent.delete(key);
    const until = this.#spent.get(id);
    if (until !== undefined && until > now) return false;
    this.#spent.set(id, expiresAt);
    return true;
  }

  get size(): number {
    return this.#spent.size;
  }
}

export interface Challenge {
  /** Opaque to the browser: hash it with candidate nonces appended. */
  challenge: string;
  /** Leading zero bits required. */
  difficulty: number;
  expiresAt: number;
}

export interface ProofOfWorkOptions {
  /** At least 32 bytes of server secret; rotating it voids outstanding challenges, nothing else. */
  secret: string | Uint8Array;
  /** 16 bits: ~65 000 hashes on average; raise it per address under attack, not for everyone. */
  difficulty?: number;
  /** Long enough to fill in a complaint after the page loads and the work is done. */
  ttlMs?: number;
  clock?: Clock;
}

export const MIN_DIFFICULTY = 1;
export const MAX_DIFFICULTY = 32;
const VERSION = 'p1';
const NONCE = /^[0-9A-Za-z_-]{1,64}$/;

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** SHA-256 of challenge and nonce as UTF-8 text, exactly as the browser computes it with SubtleCrypto. */
export function workDigest(challenge: string, nonce: string): Uint8Array {
  return createHash('sha256')
    .update(challenge + nonce, 'utf8')
    .digest();
}

export interface ProofOfWork {
  /**
   * A fresh challenge for one form (`scope`, e.g. "sotuphap:khieu-nai-to-cao").
   * A route may raise `difficulty` for an address that submits a lot.
   */
  issue(scope: string, difficulty?: number): Challenge;
  /** Throws a typed error unless the nonce solves an unexpired, unspent challenge issued for `scope`. */
  verify(scope: string, challenge: string, nonce: string, replays: ReplayStore): Promise<void>;
}

export function createProofOfWork(options: ProofOfWorkOptions): ProofOfWork {
  const key = typeof options.secret === 'string' ? Buffer.from(options.secret, 'utf8') : Buffer.from(options.secret);
  if (key.length < 32) throw new RangeError('proof-of-work secret must be at least 32 bytes');
  const defaultDifficulty = options.difficulty ?? 16;
  const ttlMs = options.ttlMs ?? 30 * 60_000;
  const clock = options.clock ?? systemClock;
  checkDifficulty(defaultDifficulty);

  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

  return {
    issue(scope, difficulty = defaultDifficulty) {
      checkDifficulty(difficulty);
      const expiresAt = clock() + ttlMs;
      const id = randomBytes(16).toString('base64url');
      const payload = [VERSION, Buffer.from(scope, 'utf8').toString('base64url'), expiresAt, difficulty, id].join('.');
      return { challenge: `${payload}.${sign(payload)}`, difficulty, expiresAt };
    },

    async verify(scope, challenge, nonce, replays) {
      const parts = typeof challenge === 'string' ? challenge.split('.') : [];
      if (parts.length !== 6 || parts[0] !== VERSION || typeof nonce !== 'string' || !NONCE.test(nonce)) {
        throw new ProofOfWorkInvalidError({ reason: 'malformed' });
      }
      const [, encodedScope, expiry, bits, , mac] = parts as [string, string, string, string, string, string];
      const expected = Buffer.from(sign(parts.slice(0, 5).join('.')));
      const given = Buffer.from(mac);
      // The signature first: nothing else in the challenge is trusted before it.
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        throw new ProofOfWorkInvalidError({ reason: 'signature' });
      }
      if (Buffer.from(encodedScope, 'base64url').toString('utf8') !== scope)
        throw new ProofOfWorkInvalidError({ reason: 'scope' });
      const expiresAt = Number(expiry);
      if (!(clock() < expiresAt)) throw new ProofOfWorkExpiredError({ expiredAt: expiresAt });
      if (leadingZeroBits(workDigest(challenge, nonce)) < Number(bits)) {
        throw new ProofOfWorkInvalidError({ reason: 'insufficient-work' });
      }
      // Spent last, so a wrong nonce does not burn a challenge the citizen is still solving.
      if (!(await replays.consume(mac, expiresAt))) throw new ProofOfWorkReplayedError();
    },
  };
}

function checkDifficulty(bits: number): void {
  if (!Number.isInteger(bits) || bits < MIN_DIFFICULTY || bits > MAX_DIFFICULTY) {
    throw new RangeError(
      `difficulty must be a whole number of bits in ${MIN_DIFFICULTY}–${MAX_DIFFICULTY}, got ${bits}`,
    );
  }
}
