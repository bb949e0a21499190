import { Client } from 'pg';

type GlobalWithServer = typeof globalThis & { __mspEmbedded?: { stop: () => Promise<void> } };

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.TEST_SERVER_URL;
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (serverUrl && template && !(globalThis as GlobalWithServer).__mspEmbedded) {
    // This run's template only; a shared server keeps nothing of the run.
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  await (globalThis as GlobalWithServer).__mspEmbedded?.stop();
}
