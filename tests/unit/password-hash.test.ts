import { existsSync, readdirSync, readFileSync } from 'node:fs';
import bcrypt from 'bcryptjs';
import { getDummyPasswordHash, hashPassword, needsRehash, verifyPassword } from '@/lib/auth/password-hash';
import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { resetEnvCache } from '@/lib/env';

const originalCost = process.env.BCRYPT_COST;

function useCost(cost: string | undefined): void {
  if (cost === undefined) delete process.env.BCRYPT_COST;
  else process.env.BCRYPT_COST = cost;
  resetEnvCache();
}

beforeEach(() => useCost('4'));

afterAll(async () => {
  useCost(originalCost);
  await closePasswordHashPool();
});

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('stores a versioned bcrypt hash at the configured cost with a fresh salt', async () => {
    const stored = await hashPassword('same password twice');
    expect(stored).toMatch(/^\$msp1\$\$2b\$04\$[./A-Za-z0-9]{53}$/);
    expect(await hashPassword('same password twice')).not.toBe(stored);
  });

  it('does not let bytes after 72 go unchecked', async () => {
    const base = 'a'.repeat(80);
    const other = `${base.slice(0, 75)}b${base.slice(76)}`;
    // Plain bcrypt would accept `other` for `base`: that is the hole the pre-hash closes.
    expect(bcrypt.compareSync(other, bcrypt.hashSync(base, 4))).toBe(true);

    const stored = await hashPassword(base);
    expect(await verifyPassword(base, stored)).toBe(true);
    expect(await verifyPassword(other, stored)).toBe(false);
    expect(await verifyPassword(`${base}x`, stored)).toBe(false);
  });

  it('treats multi-byte passwords beyond 72 bytes fully', async () => {
    const base = 'ü'.repeat(40); // 80 UTF-8 bytes
    const stored = await hashPassword(base);
    expect(await verifyPassword(base, stored)).toBe(true);
    expect(await verifyPassword(`${'ü'.repeat(39)}u`, stored)).toBe(false);
  });

  it('rejects hashes in unknown formats', async () => {
    const plainBcrypt = bcrypt.hashSync('legacy password', 4);
    expect(await verifyPassword('legacy password', plainBcrypt)).toBe(false);
    expect(await verifyPassword('legacy password', `$msp2$${plainBcrypt}`)).toBe(false);
    expect(await verifyPassword('legacy password', '')).toBe(false);
    expect(await verifyPassword('legacy password', '$msp1$not-a-hash')).toBe(false);
  });

  it('provides a cached dummy hash that verifies no password', async () => {
    const dummy = await getDummyPasswordHash();
    expect(dummy).toMatch(/^\$msp1\$\$2b\$04\$/);
    expect(await getDummyPasswordHash()).toBe(dummy);
    for (const guess of ['', 'password', 'correct horse battery staple']) {
      expect(await verifyPassword(guess, dummy)).toBe(false);
    }
  });

  it('asks for a rehash when the configured cost changes', async () => {
    const stored = await hashPassword('rehash me please');
    expect(needsRehash(stored)).toBe(false);
    useCost('5');
    expect(needsRehash(stored)).toBe(true);
    expect(needsRehash(bcrypt.hashSync('x', 5))).toBe(true);
    expect(await getDummyPasswordHash()).toMatch(/^\$msp1\$\$2b\$05\$/);
  });

  it('handles more concurrent jobs than workers, in order, and restarts after closing', async () => {
    const passwords = Array.from({ length: 8 }, (_, index) => `concurrent password ${index}`);
    const hashes = await Promise.all(passwords.map((password) => hashPassword(password)));
    const results = await Promise.all(passwords.map((password, index) => verifyPassword(password, hashes[index] as string)));
    expect(results).toEqual(passwords.map(() => true));
    expect(await verifyPassword(passwords[0] as string, hashes[1] as string)).toBe(false);

    await closePasswordHashPool();
    expect(await verifyPassword(passwords[2] as string, hashes[2] as string)).toBe(true);
  });

  it('hashes off the main thread: the event loop keeps ticking during a cost-12 hash', async () => {
    useCost('12');
    await hashPassword('warm up the worker'); // first use starts the worker; measure a steady-state hash
    let maxGap = 0;
    let ticks = 0;
    let done = false;
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      ticks += 1;
      if (!done) setImmediate(tick);
    };
    const started = performance.now();
    setImmediate(tick);
    const stored = await hashPassword('a password hashed at cost twelve');
    const duration = performance.now() - started;
    done = true;

    expect(stored).toMatch(/^\$msp1\$\$2b\$12\$/);
    expect(ticks).toBeGreaterThan(10);
    // On the main thread one gap would be as long as the hash itself.
    expect(maxGap).toBeLessThan(duration / 3);
  });

  // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value.
  const niceOfThread = (tid: string) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  };
  const onLinux = existsSync('/proc/thread-self') ? it : it.skip;

  onLinux('hashes at a lower CPU priority than the main thread, so logins cannot stall other requests', async () => {
    await closePasswordHashPool();
    const threadsBefore = new Set(readdirSync('/proc/self/task'));
    const stored = await hashPassword('hashed by a fresh worker');
    const workerNice = readdirSync('/proc/self/task')
      .filter((tid) => !threadsBefore.has(tid))
      .map(niceOfThread);

    expect(await verifyPassword('hashed by a fresh worker', stored)).toBe(true);
    expect(workerNice).toContain(niceOfThread(String(process.pid)) + 10);
    expect(niceOfThread(String(process.pid))).toBeLessThan(10);
  });
});
