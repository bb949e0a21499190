import { Writable } from 'node:stream';
import { createLogger } from '@/lib/logging/logger';

function captureLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger(destination), lines };
}

describe('logger', () => {
  test('masks passwords, codes, tokens and secrets by key, also nested', () => {
    const { logger, lines } = captureLogger();
    logger.info(
      {
        password: 'Correct-Horse-Battery-9',
        code: '123456',
        details: { token: 'abc-token', secret: 'JBSWY3DP', newPassword: 'n3w' },
        request: { headers: { cookie: 'authjs.session-token=x', authorization: 'Bearer y' } },
        tenantDomain: '123456.sms',
      },
      'login attempt',
    );
    const text = lines.join('');
    for (const secret of ['Correct-Horse-Battery-9', '"123456"', 'abc-token', 'JBSWY3DP', 'n3w', 'session-token=x', 'Bearer y']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('123456.sms');
    expect(text).toContain('[redacted]');
  });
});

describe('describeError', () => {
  test('keeps the first line and the cause, drops query parameters', async () => {
    const { describeError } = await import('@/lib/logging/logger');
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_tenant_username_unique"'), { code: '23505' });
    const error = new Error('Failed query: update "users" set "password_hash" = $1 where "users"."id" = $2\nparams: $msp1$$2b$12$secret-hash,6f1c', { cause });
    const described = describeError(error);
    expect(JSON.stringify(described)).not.toContain('secret-hash');
    expect(described).toEqual({
      name: 'Error',
      message: 'Failed query: update "users" set "password_hash" = $1 where "users"."id" = $2',
      cause: 'duplicate key value violates unique constraint "users_tenant_username_unique"',
      code: '23505',
    });
  });
});
