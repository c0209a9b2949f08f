import { describe, expect, it } from 'vitest';
import { pendingMigrations, readMigrations } from './migrations.ts';

describe('migrations', () => {
  it('exist for both dialects with the same versions, in order', () => {
    const sqlite = readMigrations('sqlite').map((m) => m.version);
    expect(sqlite[0]).toBe('0001-accounts');
    expect(readMigrations('postgres').map((m) => m.version)).toEqual(sqlite);
  });

  it('skips applied ones and refuses a file edited after it ran', () => {
    const all = readMigrations('sqlite');
    expect(pendingMigrations(all, [])).toEqual(all);
    expect(pendingMigrations(all, [{ version: all[0].version, checksum: all[0].checksum }])).toEqual(all.slice(1));
    expect(() => pendingMigrations(all, [{ version: all[0].version, checksum: 'edited' }])).toThrow(
      /edited after it was applied/,
    );
  });
});
