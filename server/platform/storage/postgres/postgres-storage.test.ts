import { afterAll, describe, expect, it } from 'vitest';
import { describeCaseStorageContract } from '../case-storage-contract.ts';
import { describeShareLinkContract } from '../share-link-contract.ts';
import { describeStorageContract } from '../storage-contract.ts';
import { openPostgresStorage } from './postgres-storage.ts';
import { dropSchemas, postgresAvailable, TEST_DATABASE_URL, uniqueSchemaName } from './test-database.ts';

const available = await postgresAvailable();
const schemas: string[] = [];
afterAll(() => dropSchemas(schemas));

describe.skipIf(!available)('PostgreSQL adapter', () => {
  it('makes a second server on the same schema wait for the holder of a lock, and not one on another schema (docs/adr/0102)', async () => {
    const schema = uniqueSchemaName();
    const elsewhere = uniqueSchemaName();
    schemas.push(schema, elsewhere);
    const open = (s: string) => openPostgresStorage({ connectionString: TEST_DATABASE_URL, schema: s });
    const [a, b, c] = [await open(schema), await open(schema), await open(elsewhere)];
    const events: string[] = [];
    let release!: () => void;
    const held = a.locks.withLock(
      'content-repository',
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          events.push('a');
        }),
    );
    await new Promise((r) => setTimeout(r, 50));
    const waiting = b.locks.withLock('content-repository', async () => void events.push('b'));
    await c.locks.withLock('content-repository', async () => void events.push('other installation'));
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toEqual(['a', 'other installation']);
    release();
    await Promise.all([held, waiting]);
    expect(events).toEqual(['a', 'other installation', 'b']);
    await Promise.all([a, b, c].map((s) => s.close()));
  });

  describeStorageContract('PostgreSQL', async () => {
    const schema = uniqueSchemaName();
    schemas.push(schema);
    return openPostgresStorage({ connectionString: TEST_DATABASE_URL, schema });
  });
  describeCaseStorageContract('PostgreSQL', async () => {
    const schema = uniqueSchemaName();
    schemas.push(schema);
    return openPostgresStorage({ connectionString: TEST_DATABASE_URL, schema });
  });
  describeShareLinkContract('PostgreSQL', async () => {
    const schema = uniqueSchemaName();
    schemas.push(schema);
    return openPostgresStorage({ connectionString: TEST_DATABASE_URL, schema });
  });
});
