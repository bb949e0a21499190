import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { closeDb, getDb } from '@/db/client';
import { resetEnvCache } from '@/lib/env';
import { templateDatabase, withDatabase } from './database-url';

/**
 * Gives the calling test file its own database, cloned from the migrated template,
 * and points the app's DATABASE_URL at it. Call at the top of a describe/test file.
 */
export function useTestDatabase(): { db: () => ReturnType<typeof getDb> } {
  const serverUrl = process.env.TEST_SERVER_URL;
  if (!serverUrl) throw new Error('TEST_SERVER_URL is not set: run integration tests through jest (global setup)');
  const database = `msp_test_${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database} TEMPLATE ${templateDatabase()}`);
    } finally {
      await admin.end();
    }
    process.env.DATABASE_URL = withDatabase(serverUrl, database);
    resetEnvCache();
  });

  afterAll(async () => {
    await closeDb();
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  });

  return { db: () => getDb() };
}
