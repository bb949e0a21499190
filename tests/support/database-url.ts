/**
 * The migrated database every test file clones, named per run by the global setup: several
 * checkouts (worktrees, CI jobs) may share one PostgreSQL server, and a fixed name let one run
 * drop and re-migrate the template with its own schema while another run was cloning it.
 */
export function templateDatabase(): string {
  const name = process.env.TEST_TEMPLATE_DATABASE;
  if (!name) throw new Error('TEST_TEMPLATE_DATABASE is not set: run integration tests through jest (global setup)');
  return name;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One statement on a fresh connection to the server (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function runAdminStatement(serverUrl: string, statement: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
