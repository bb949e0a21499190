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

describe('request ids', () => {
  function fakeExchange(headers: Record<string, string>) {
    const responseHeaders = new Map<string, string>();
    return {
      request: { headers: { ...headers } as Record<string, string | undefined> },
      response: { setHeader: (name: string, value: string) => responseHeaders.set(name.toLowerCase(), value) },
      responseHeaders,
    };
  }

  test('every line written while a request is handled carries its id, and the response names it', async () => {
    const { runWithRequestId } = await import('@/lib/http/request-context.mjs');
    const { logger, lines } = captureLogger();
    const exchange = fakeExchange({});
    await runWithRequestId(exchange.request, exchange.response, { trustForwardedId: false }, async () => {
      logger.info('first');
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.warn({ event: 'later' }, 'after a timer');
    });
    logger.info('outside');
    const [first, later, outside] = lines.map((line) => JSON.parse(line) as { requestId?: string });
    const id = exchange.responseHeaders.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(exchange.request.headers['x-request-id']).toBe(id);
    expect(first!.requestId).toBe(id);
    expect(later!.requestId).toBe(id);
    expect(outside!.requestId).toBeUndefined();
  });

  test("keeps a trusted proxy's id, replaces anyone else's and anything malformed", async () => {
    const { runWithRequestId } = await import('@/lib/http/request-context.mjs');
    const idOf = (headers: Record<string, string>, trustForwardedId: boolean) => {
      const exchange = fakeExchange(headers);
      runWithRequestId(exchange.request, exchange.response, { trustForwardedId }, () => undefined);
      return exchange.responseHeaders.get('x-request-id');
    };
    expect(idOf({ 'x-request-id': 'f0e1d2c3b4a5968778695a4b3c2d1e0f' }, true)).toBe('f0e1d2c3b4a5968778695a4b3c2d1e0f');
    expect(idOf({ 'x-request-id': 'f0e1d2c3b4a5968778695a4b3c2d1e0f' }, false)).not.toBe('f0e1d2c3b4a5968778695a4b3c2d1e0f');
    expect(idOf({ 'x-request-id': 'evil\nline {"level":60}' }, true)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('one error line per failed page', () => {
  test('the same digest is reported once per request (Next reports a failed page twice); other requests and digests still are', async () => {
    const { runWithRequestId, isFirstReportInRequest } = await import('@/lib/http/request-context.mjs');
    const exchange = () => ({ request: { headers: {} as Record<string, string | undefined> }, response: { setHeader: () => undefined } });
    const first = exchange();
    const reports = await runWithRequestId(first.request, first.response, { trustForwardedId: false }, async () => {
      const seen = [isFirstReportInRequest('digest-1')];
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(isFirstReportInRequest('digest-1'), isFirstReportInRequest('digest-2'));
      return seen;
    });
    expect(reports).toEqual([true, false, true]);
    const second = exchange();
    expect(runWithRequestId(second.request, second.response, { trustForwardedId: false }, () => isFirstReportInRequest('digest-1'))).toBe(true);
    expect([isFirstReportInRequest('digest-1'), isFirstReportInRequest('digest-1')]).toEqual([true, true]);
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
