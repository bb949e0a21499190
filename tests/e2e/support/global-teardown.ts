import { teardownE2e } from './global-setup';

/** Stops the app server (whole process group), drops the run's database, stops an embedded PostgreSQL. */
export default async function globalTeardown(): Promise<void> {
  await teardownE2e();
}
