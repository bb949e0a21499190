import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from './free-port';

/** An embedded PostgreSQL in a fresh temp folder on a free port; stop() removes the folder too. */
export async function startThrowawayPostgres(options: { prefix: string; onLog?: (message: string) => void }) {
  const { startEmbeddedPostgres } = await import('../../db/embedded-postgres');
  const dataRoot = mkdtempSync(path.join(tmpdir(), options.prefix));
  // As root the server runs as the `postgres` user, which must traverse this folder.
  chmodSync(dataRoot, 0o755);
  try {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dataRoot, 'data'),
      port: await findFreePort(),
      persistent: false,
      onLog: options.onLog,
    });
    return {
      url: server.url,
      stop: async () => {
        await server.stop();
        rmSync(dataRoot, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataRoot, { recursive: true, force: true });
    throw error;
  }
}
