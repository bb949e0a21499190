import { getEnv, resetEnvCache } from '@/lib/env';

/** Sets settings (`undefined` removes one) and parses the environment again, as a fresh start would. */
export function withEnv(values: Record<string, string | undefined>): ReturnType<typeof getEnv> {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
  return getEnv();
}

/** Puts back the environment the file started with after each of its tests. */
export function restoreEnvAfterEach(): void {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });
}
