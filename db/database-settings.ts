import { z } from 'zod';

// The connection settings of the database. db/ reads them itself, so that it depends on nothing
// in lib/; lib/env.ts validates them together with every other setting (its schema includes
// this shape), and `.env.example` documents them.
export const databaseSettingsShape = {
  DATABASE_URL: z.string().url().optional(),
  // Connections per instance, and how long to wait before a silent database fails a request
  // (without limits a request waits for the OS's TCP timeouts, minutes).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
};

const databaseSettingsSchema = z.object(databaseSettingsShape);

export type DatabaseSettings = z.infer<typeof databaseSettingsSchema> & { DATABASE_URL: string };

export class MissingConfigurationError extends Error {
  constructor(key: string) {
    super(`${key} is not configured`);
    this.name = 'MissingConfigurationError';
  }
}

/** The database settings of the environment; without DATABASE_URL there is no database (fail closed). */
export function readDatabaseSettings(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const parsed = databaseSettingsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const { DATABASE_URL: url, ...settings } = parsed.data;
  if (!url) throw new MissingConfigurationError('DATABASE_URL');
  return { ...settings, DATABASE_URL: url };
}
