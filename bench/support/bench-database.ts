import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type BenchDatabase = { url: string; serverVersion: string; cleanup: () => Promise<void> };

async function readServerVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

/**
 * A throwaway database: on DATABASE_URL's server when set (never the configured database itself),
 * otherwise in an embedded PostgreSQL started for this run. Dropped or stopped by cleanup().
 */
export async function prepareBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `${prefix}_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      serverVersion: await readServerVersion(external),
      cleanup: async () => {
        const again = new Client({ connectionString: external });
        await again.connect();
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await again.end();
      },
    };
  }
  const { startThrowawayPostgres } = await import('../../tests/support/throwaway-postgres');
  const server = await startThrowawayPostgres({ prefix: `${prefix}-` });
  return { url: server.url, serverVersion: `${await readServerVersion(server.url)} (embedded)`, cleanup: server.stop };
}
