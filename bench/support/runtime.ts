import { cpus } from 'node:os';

/** One line naming what the figures were measured on: every benchmark prints it first. */
export function describeRuntime(): string {
  const cores = cpus();
  return `Node ${process.version}, ${cores.length} vCPU (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${process.platform}-${process.arch}`;
}
