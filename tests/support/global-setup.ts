import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrateDatabase } from '../../db/migrate';
import { withDatabase } from './database-url';
import { startThrowawayPostgres } from './throwaway-postgres';

type GlobalWithServer = typeof globalThis & { __mspEmbedded?: { stop: () => Promise<void> } };

export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // No server given: start an embedded PostgreSQL for this run only.
    const server = await startThrowawayPostgres({ prefix: 'msp-test-pg-' });
    (globalThis as GlobalWithServer).__mspEmbedded = server;
    serverUrl = server.url;
  }
  process.env.TEST_SERVER_URL = serverUrl;
  const template = `msp_test_template_${randomBytes(6).toString('hex')}`;
  process.env.TEST_TEMPLATE_DATABASE = template;

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  await migrateDatabase(withDatabase(serverUrl, template));
}
