import { Client } from 'pg';
import { migrateDatabase } from '../../db/migrate';
import { TEMPLATE_DATABASE, withDatabase } from './database-url';
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

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await migrateDatabase(withDatabase(serverUrl, TEMPLATE_DATABASE));
}
