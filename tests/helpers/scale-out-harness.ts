import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL and Redis the scale-out tests use (see .ci/run); override with env. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A connection string whose search_path is the given schema. */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/**
 * A fresh, empty schema for one test (tests of several files share the database and run in
 * parallel). Fails with a clear message when PostgreSQL is not reachable: never skipped.
 */
export async function freshSchema(): Promise<{ schema: string; url: string; drop: () => Promise<void> }> {
  const schema = `podium_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(
      `These tests need PostgreSQL at ${TEST_DATABASE_URL} (trust auth; .ci/run starts it, or set TEST_DATABASE_URL): ${(error as Error).message}`,
    );
  }
  await client.end();
  return {
    schema,
    url: urlWithSchema(TEST_DATABASE_URL, schema),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}
