import { availableParallelism } from 'node:os';

// Issue 11: the password hash pool's queue has an upper bound. A burst beyond it is refused at
// once (the login answers "try again later"), so waiting jobs cannot grow memory without limit.

const QUEUE_LIMIT = 3;
process.env.PASSWORD_HASH_QUEUE_LIMIT = String(QUEUE_LIMIT);

// Imported after the limit is set: the pool reads it at its first job.
const pool = import('@/lib/crypto/password-hash-pool');

afterAll(async () => (await pool).closePasswordHashPool());

describe('password hash pool queue limit', () => {
  it('refuses the job beyond workers plus queue limit, counts the refusal, and takes jobs again once the queue drains', async () => {
    const { hashInWorker, isPasswordHashPoolFull, observePasswordHashRefusals, PasswordHashPoolBusyError, readPasswordHashPoolState } = await pool;
    let refusals = 0;
    observePasswordHashRefusals(() => {
      refusals += 1;
    });
    const workers = availableParallelism();
    expect(readPasswordHashPoolState()).toMatchObject({ queued: 0, size: workers, queueLimit: QUEUE_LIMIT });

    // All submitted in one synchronous burst: one job per worker runs, QUEUE_LIMIT wait.
    const accepted = Array.from({ length: workers + QUEUE_LIMIT }, (_, index) => hashInWorker(`burst ${index}`, 4));
    expect(readPasswordHashPoolState()).toMatchObject({ queued: QUEUE_LIMIT, busy: workers });
    expect(isPasswordHashPoolFull()).toBe(true);
    const refused = hashInWorker('one too many', 4);
    await expect(refused).rejects.toBeInstanceOf(PasswordHashPoolBusyError);
    expect(refusals).toBe(1);
    expect(readPasswordHashPoolState().queued).toBe(QUEUE_LIMIT);

    const hashes = await Promise.all(accepted);
    expect(hashes).toHaveLength(workers + QUEUE_LIMIT);
    for (const hash of hashes) expect(hash).toMatch(/^\$2b\$04\$/);
    expect(isPasswordHashPoolFull()).toBe(false);
    expect(await hashInWorker('after the burst', 4)).toMatch(/^\$2b\$04\$/);
    expect(refusals).toBe(1);
  });
});
