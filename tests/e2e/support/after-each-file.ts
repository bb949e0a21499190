import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { closeE2eDb } from './db';

// After every browser test file: the pool of assertion queries and the password hash workers its
// arrangements may have started are closed (both are no-ops when unused).
afterAll(async () => {
  await closeE2eDb();
  await closePasswordHashPool();
});
