import { describe, expect, it } from 'vitest';
import { createPasswordHasher, DEFAULT_HASH_PARAMETERS, hashParametersOf } from './password-hash.ts';

describe('argon2id password hashing', () => {
  it('uses 19 MiB, 2 passes, 1 lane by default and stores them in PHC form', async () => {
    expect(DEFAULT_HASH_PARAMETERS).toEqual({ memory: 19 * 1024, passes: 2, parallelism: 1 });
    const hasher = createPasswordHasher();
    const encoded = await hasher.hash('sông Hương chiều thu');
    expect(encoded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hashParametersOf(encoded)).toEqual(DEFAULT_HASH_PARAMETERS);
  });

  it('verifies the right password, refuses a wrong one, and salts every hash', async () => {
    const hasher = createPasswordHasher({ memory: 64, passes: 1, parallelism: 1 });
    const a = await hasher.hash('correct horse battery staple');
    const b = await hasher.hash('correct horse battery staple');
    expect(a).not.toBe(b);
    expect(await hasher.verify('correct horse battery staple', a)).toBe(true);
    expect(await hasher.verify('correct horse battery stapler', a)).toBe(false);
  });

  it('treats composed and decomposed Vietnamese as the same password', async () => {
    const hasher = createPasswordHasher({ memory: 64, passes: 1, parallelism: 1 });
    const encoded = await hasher.hash('Huế mộng mơ'.normalize('NFC'));
    expect(await hasher.verify('Huế mộng mơ'.normalize('NFD'), encoded)).toBe(true);
  });

  it('answers false for a malformed stored hash instead of throwing', async () => {
    const hasher = createPasswordHasher({ memory: 64, passes: 1, parallelism: 1 });
    expect(await hasher.verify('x', 'not-a-hash')).toBe(false);
    expect(await hasher.verify('x', await hasher.dummyHash)).toBe(false);
  });
});
