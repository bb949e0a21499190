import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../../support/free-port';
import { readLogTail, spawnInOwnGroup } from '../../support/server-process';

// PgBouncer in transaction mode (Debian's pgbouncer; .ci/run installs it), the usual way many
// instances share one PostgreSQL: a server connection belongs to a client only for the length of
// one transaction, so nothing may rely on session state (prepared statements by name, SET,
// session advisory locks, LISTEN).

const PGBOUNCER = process.env.E2E_PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer';

export type ConnectionPooler = { databaseUrl: string; logPath: string; stop: () => Promise<void> };

async function waitForPooler(databaseUrl: string, isRunning: () => boolean, logPath: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (!isRunning() || Date.now() > deadline) throw new Error(`PgBouncer did not come up (${error instanceof Error ? error.message : String(error)}):\n${readLogTail(logPath)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** PgBouncer (transaction pooling) in front of the database of `databaseUrl`; returns the URL to use instead. */
export async function startConnectionPooler(options: { databaseUrl: string; logFile: string; resultsDir: string; poolSize: number }): Promise<ConnectionPooler> {
  if (!existsSync(PGBOUNCER)) throw new Error(`${PGBOUNCER} is missing: install Debian's pgbouncer (.ci/run does)`);
  const target = new URL(options.databaseUrl);
  const database = target.pathname.slice(1);
  const port = await findFreePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'msp-pgbouncer-'));
  const server = [
    `host=${target.hostname}`,
    `port=${target.port || 5432}`,
    `dbname=${database}`,
    `user=${decodeURIComponent(target.username || 'postgres')}`,
    ...(target.password ? [`password=${decodeURIComponent(target.password)}`] : []),
  ].join(' ');
  // auth_type any: clients are not authenticated (loopback only); PgBouncer logs in to PostgreSQL
  // with the credentials of the [databases] entry.
  writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    `[databases]
${database} = ${server}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = any
pool_mode = transaction
default_pool_size = ${options.poolSize}
max_client_conn = 200
ignore_startup_parameters = extra_float_digits
pidfile = ${dir}/pgbouncer.pid
`,
  );
  // PgBouncer refuses to run as root: then it runs as the postgres user (or nobody), which must read the folder.
  const args = [path.join(dir, 'pgbouncer.ini')];
  if (userInfo().uid === 0) {
    const runAs = hasUser('postgres') ? 'postgres' : 'nobody';
    chmodSync(dir, 0o755);
    const uid = Number(execFileSync('id', ['-u', runAs]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', runAs]).toString().trim());
    chownSync(dir, uid, gid);
    chownSync(path.join(dir, 'pgbouncer.ini'), uid, gid);
    args.unshift('-u', runAs);
  }
  const logPath = path.join(options.resultsDir, options.logFile);
  const { child, stop: stopProcess } = spawnInOwnGroup(PGBOUNCER, args, { cwd: dir, env: process.env, logPath });
  const stop = async () => {
    await stopProcess();
    rmSync(dir, { recursive: true, force: true });
  };
  const databaseUrl = `postgres://pgbouncer@127.0.0.1:${port}/${database}`;
  try {
    await waitForPooler(databaseUrl, () => child.exitCode === null && child.signalCode === null, logPath);
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl, logPath, stop };
}

function hasUser(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
