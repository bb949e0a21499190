// Runs once when a server instance starts: a misconfigured production server refuses to start.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { assertServerConfiguration } = await import('@/lib/env');
  assertServerConfiguration();
}
