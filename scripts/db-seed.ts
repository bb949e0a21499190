import nextEnv from '@next/env';

nextEnv.loadEnvConfig(process.cwd());
const { getEnv } = await import('../lib/env');
const { closeDb, getDb } = await import('../db/client');
const { seedDemoData } = await import('../db/seed');
const { closePasswordHashPool } = await import('../lib/crypto/password-hash-pool');
const { hashPassword } = await import('../lib/auth/password-hash');
const { encryptSecret } = await import('../lib/crypto/secret-box');

const env = getEnv();
if (env.NODE_ENV === 'production' && !env.SEED_FORCE) {
  console.error('Refusing to load demo data in production. Set SEED_FORCE=true if you really mean it.');
  process.exit(1);
}
try {
  const seeded = await seedDemoData(getDb(), { hashPassword, encryptSecret });
  console.log(seeded ? 'Demo data loaded.' : 'Demo data already present; nothing changed.');
} finally {
  await closeDb();
  await closePasswordHashPool();
}
