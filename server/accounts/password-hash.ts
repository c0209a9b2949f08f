import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * argon2id parameters. The defaults are OWASP's minimum for argon2id
 * (19 MiB, 2 passes, 1 lane); tests pass cheaper ones to stay fast.
 */
export interface HashParameters {
  /** KiB of memory. */
  memory: number;
  passes: number;
  parallelism: number;
}

export const DEFAULT_HASH_PARAMETERS: HashParameters = { memory: 19 * 1024, passes: 2, parallelism: 1 };

const SALT_BYTES = 16;
const TAG_BYTES = 32;
const PHC = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Always runs argon2 once, even for a malformed stored hash, so timing says nothing. */
  verify(password: string, encoded: string): Promise<boolean>;
  /** A hash of a random secret: verifying against it costs what a real account costs. */
  readonly dummyHash: Promise<string>;
}

function derive(password: string, nonce: Buffer, params: HashParameters): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // node:crypto runs argon2 on the libuv pool, so hashing never blocks other requests.
    argon2('argon2id', { message: password.normalize('NFC'), nonce, ...params, tagLength: TAG_BYTES }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function b64(buffer: Buffer): string {
  return buffer.toString('base64').replace(/=+$/, '');
}

/** PHC string format, the one other argon2 libraries read, so hashes can migrate. */
function encode(params: HashParameters, salt: Buffer, tag: Buffer): string {
  return `$argon2id$v=19$m=${params.memory},t=${params.passes},p=${params.parallelism}$${b64(salt)}$${b64(tag)}`;
}

export function createPasswordHasher(params: HashParameters = DEFAULT_HASH_PARAMETERS): PasswordHasher {
  const hash = async (password: string): Promise<string> => {
    const salt = randomBytes(SALT_BYTES);
    return encode(params, salt, await derive(password, salt, params));
  };
  const dummy = hash(randomBytes(32).toString('base64'));
  // A rejected dummy would otherwise surface as an unhandled rejection at start-up.
  dummy.catch(() => undefined);
  return {
    hash,
    dummyHash: dummy,
    async verify(password, encoded) {
      const parsed = PHC.exec(encoded);
      if (!parsed) {
        await derive(password, randomBytes(SALT_BYTES), params);
        return false;
      }
      const stored: HashParameters = {
        memory: Number(parsed[1]),
        passes: Number(parsed[2]),
        parallelism: Number(parsed[3]),
      };
      const salt = Buffer.from(parsed[4], 'base64');
      const expected = Buffer.from(parsed[5], 'base64');
      const actual = await derive(password, salt, stored);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}

/** The stored parameters, so a future change of defaults can rehash at the next sign-in. */
export function hashParametersOf(encoded: string): HashParameters | null {
  const parsed = PHC.exec(encoded);
  return parsed ? { memory: Number(parsed[1]), passes: Number(parsed[2]), parallelism: Number(parsed[3]) } : null;
}
