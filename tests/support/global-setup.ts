import { mkdtempSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrateDatabase } from '../../db/migrate';
import { TEMPLATE_DATABASE, withDatabase } from './database-url';

type GlobalWithServer = typeof globalThis & { __mspEmbedded?: { stop: () => Promise<void> } };

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // No server given: start an embedded PostgreSQL for this run only.
    const { startEmbeddedPostgres } = await import('../../db/embedded-postgres');
    const dataRoot = mkdtempSync(path.join(tmpdir(), 'msp-test-pg-'));
    chmodSync(dataRoot, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dataRoot, 'data'),
      port: await findFreePort(),
      persistent: false,
    });
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
