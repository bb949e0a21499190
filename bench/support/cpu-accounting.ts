import { readdirSync, readFileSync } from 'node:fs';
import type { Pool } from 'pg';

// CPU time spent per login, by whom: holds on a busy machine where rates do not (other
// processes take wall time, not our CPU seconds). Read from /proc (Linux); clock ticks of 10 ms.
const TICK_MS = 10;

function readTicks(statPath: string): number {
  try {
    const stat = readFileSync(statPath, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the stat line, 12 and 13 after the command name.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // The process or thread ended.
  }
}

function threadTicks(pid: number): { main: number; others: number } {
  let others = 0;
  let main = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const ticks = readTicks(`/proc/${pid}/task/${tid}/stat`);
    if (Number(tid) === pid) main = ticks;
    else others += ticks;
  }
  return { main, others };
}

export type CpuSnapshot = { serverMain: number; serverThreads: number; client: number; database: Map<number, number> };
export type CpuSpent = { serverMainMs: number; serverThreadsMs: number; clientMs: number; databaseMs: number };

async function databaseBackendPids(pool: Pool): Promise<number[]> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  return rows.map((row) => row.pid);
}

export async function takeCpuSnapshot(serverPid: number, pool: Pool): Promise<CpuSnapshot> {
  const server = threadTicks(serverPid);
  const database = new Map<number, number>();
  for (const pid of await databaseBackendPids(pool)) database.set(pid, readTicks(`/proc/${pid}/stat`));
  const usage = process.cpuUsage();
  return { serverMain: server.main, serverThreads: server.others, client: (usage.user + usage.system) / 1000, database };
}

/** CPU spent between two snapshots; database = the backends serving this database (new ones from zero). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuSpent {
  let databaseTicks = 0;
  for (const [pid, ticks] of after.database) databaseTicks += ticks - (before.database.get(pid) ?? 0);
  return {
    serverMainMs: (after.serverMain - before.serverMain) * TICK_MS,
    serverThreadsMs: (after.serverThreads - before.serverThreads) * TICK_MS,
    clientMs: after.client - before.client,
    databaseMs: databaseTicks * TICK_MS,
  };
}

export function addCpu(spent: CpuSpent[]): CpuSpent {
  return spent.reduce(
    (sum, item) => ({
      serverMainMs: sum.serverMainMs + item.serverMainMs,
      serverThreadsMs: sum.serverThreadsMs + item.serverThreadsMs,
      clientMs: sum.clientMs + item.clientMs,
      databaseMs: sum.databaseMs + item.databaseMs,
    }),
    { serverMainMs: 0, serverThreadsMs: 0, clientMs: 0, databaseMs: 0 },
  );
}
