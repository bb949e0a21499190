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
