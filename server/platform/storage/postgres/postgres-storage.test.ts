import { afterAll, describe } from 'vitest';
import { describeCaseStorageContract } from '../case-storage-contract.ts';
import { describeStorageContract } from '../storage-contract.ts';
import { openPostgresStorage } from './postgres-storage.ts';
import { dropSchemas, postgresAvailable, TEST_DATABASE_URL, uniqueSchemaName } from './test-database.ts';

const available = await postgresAvailable();
const schemas: string[] = [];
afterAll(() => dropSchemas(schemas));

describe.skipIf(!available)('PostgreSQL adapter', () => {
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
});
