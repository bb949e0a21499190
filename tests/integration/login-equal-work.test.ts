import { closePasswordHashPool } from '@/lib/crypto/password-hash-pool';
import { verifyPasswordStep } from '@/lib/auth/verify-password-step';
import { createCustomerWithAdmin, createUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

// Equal timing without timed assertions: every failing case must pay for exactly one bcrypt
// comparison, like a wrong password does; that comparison is what dominates the response time.
jest.mock('@/lib/auth/password-hash', () => {
  const actual = jest.requireActual('@/lib/auth/password-hash');
  return { ...actual, verifyPassword: jest.fn(actual.verifyPassword) };
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { verifyPassword } = require('@/lib/auth/password-hash') as { verifyPassword: jest.Mock };

useTestDatabase();
afterAll(() => closePasswordHashPool());

test('unknown tenant, unknown user, wrong password, disabled and locked accounts each cost one bcrypt comparison', async () => {
  const { customer } = await createCustomerWithAdmin();
  await createUser({ tenantId: customer.id, username: 'disabled', disabled: true });
  const locked = await createUser({ tenantId: customer.id, username: 'locked' });
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await verifyPasswordStep({ tenantDomain: customer.tenantDomain, username: locked.username, password: 'wrong', clientAddress: `192.0.2.${attempt}`, userAgent: 'jest' });
  }

  const cases = [
    { tenantDomain: '999999.sms', username: 'admin' },
    { tenantDomain: 'not a domain', username: 'admin' },
    { tenantDomain: customer.tenantDomain, username: 'nobody' },
    { tenantDomain: customer.tenantDomain, username: 'admin' },
    { tenantDomain: customer.tenantDomain, username: 'disabled' },
    { tenantDomain: customer.tenantDomain, username: 'locked' },
  ];
  for (const attempt of cases) {
    verifyPassword.mockClear();
    const result = await verifyPasswordStep({ ...attempt, password: 'Wrong-Password-For-All', clientAddress: '198.51.100.200', userAgent: 'jest' });
    expect(result).toEqual({ ok: false, code: 'invalid_credentials' });
    expect(verifyPassword).toHaveBeenCalledTimes(1);
    const [, hash] = verifyPassword.mock.calls[0] as [string, string];
    expect(hash).toMatch(/^\$msp1\$\$2[aby]\$04\$/);
  }
});
