import { LoginClient } from '../../bench/support/login-http';
import { startConnectionPooler, type ConnectionPooler } from './support/connection-pooler';
import { PROXY_SOURCE_ADDRESS, startReverseProxy, type ReverseProxy } from './support/reverse-proxy';
import { firstInstance, logMark, startExtraInstance, waitForLogEvents, type AppInstance } from './support/second-instance';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './support/sign-in';
import { unusedTotpCode } from './support/totp';
import { describeTwoInstances } from './support/two-instance-checks';

// The checks of two-instances.e2e.ts, now as a deployment runs them (issue 12): two production
// servers reach PostgreSQL only through PgBouncer in transaction mode, and browsers reach them only
// through nginx. Each test addresses an instance through its own nginx port; the last tests also
// use the port that balances over both, round robin, without sticky sessions.

let proxy: ReverseProxy;
let pooler: ConnectionPooler;

async function startProxiedTopology() {
  const resultsDir = process.env.E2E_RESULTS_DIR!;
  pooler = await startConnectionPooler({ databaseUrl: process.env.E2E_DATABASE_URL!, logFile: 'e2e-pgbouncer.log', resultsDir, poolSize: 6 });
  const settings = { DATABASE_URL: pooler.databaseUrl, TRUSTED_PROXIES: `${PROXY_SOURCE_ADDRESS}/32` };
  const servers: Array<Awaited<ReturnType<typeof startExtraInstance>>> = [];
  try {
    for (const name of ['A', 'B']) {
      servers.push(await startExtraInstance({ name, logFile: `e2e-server-proxied-${name.toLowerCase()}.log`, overrides: () => settings }));
    }
    proxy = await startReverseProxy({ upstreams: servers.map((server) => new URL(server.baseUrl).host), logFile: 'e2e-nginx.log', resultsDir });
  } catch (error) {
    for (const server of servers) await server.stop();
    await pooler.stop();
    throw error;
  }
  const [a, b] = servers.map((server, index): AppInstance => ({ name: server.name, baseUrl: proxy.urls[index]!, logPath: server.logPath }));
  return {
    a: a!,
    b: b!,
    // The suite's own server shares the database: its outbox worker may send some of the emails.
    bystanders: [firstInstance()],
    stop: async () => {
      await proxy.stop();
      for (const server of servers) await server.stop();
      await pooler.stop();
    },
  };
}

describeTwoInstances('two instances behind nginx, on PgBouncer in transaction mode, behave as one', startProxiedTopology, (topology, browser) => {
  test("behind the proxy the audit records the browser's address, not the proxy's nor a forged one, under the proxy's request id", async () => {
    const { a } = topology();
    const context = await browser().newContext({ baseURL: a.baseUrl, extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.99' } });
    try {
      const page = await context.newPage();
      const mark = logMark(a);
      await page.goto('/login');
      await page.getByLabel('Tenant domain', { exact: true }).fill('123456.sms');
      await page.getByLabel('Username', { exact: true }).fill('nobody.behind.proxy');
      await page.getByLabel('Password', { exact: true }).fill('not-the-password-at-all');
      const [post] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/login'),
        page.getByRole('button', { name: 'Log in', exact: true }).click(),
      ]);
      // nginx's $request_id (32 hex digits) was kept: the proxy is trusted.
      const requestId = post.headers()['x-request-id'];
      expect(requestId).toMatch(/^[0-9a-f]{32}$/);
      const [event] = await waitForLogEvents(a, { fromByte: mark, matches: (entry) => entry.event === 'login.password' && entry.actor === 'nobody.behind.proxy@123456.sms' });
      expect(event).toMatchObject({ ip: '127.0.0.1', requestId });
    } finally {
      await context.close();
    }
  });

  test('a sign-in through the balanced address (round robin, no sticky sessions) completes, and the session holds on both', async () => {
    const account = { tenantDomain: '234567.sms', username: 'admin' };
    const client = new LoginClient(proxy.balancedUrl);
    // Each form is fetched from one instance and posted to the other.
    expect(await client.passwordStep({ ...account, password: DEMO_PASSWORD })).toEqual({ ok: true });
    expect(await client.codeStep(await unusedTotpCode({ ...account, secret: DEMO_TOTP_SECRET }))).toEqual({ ok: true });
    // Consecutive requests alternate between the instances.
    for (let request = 0; request < 4; request += 1) expect(await client.fetchPage('/tenant/234567.sms')).toBe(200);
  });
});
