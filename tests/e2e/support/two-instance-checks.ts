import type { Browser, Page } from 'playwright-core';
import { LOCKOUT_THRESHOLD } from '@/lib/auth/login-throttle';
import { useBrowser, withPage } from './browser';
import { createUserWithoutTwoFactor, e2eDb, giveDemoTwoFactor } from './db';
import { logMark, readLogEvents, waitForLogEvents, type AppInstance, type LogEvent } from './second-instance';
import { discoverForms, multipartBody, send, type DiscoveredForm } from './malformed-requests';
import { listSentEmails } from './sent-emails';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, enterCode, logOutFromHeader } from './sign-in';
import { unusedTotpCode } from './totp';

// The checks of issue 5 that two production servers on one database behave as one: a login may
// start on one and finish on the other, a logout on one ends the session on both, a code accepted
// by one is refused by the other, failures count together, and the outbox workers send each email
// once. Cookies belong to the host, not the port, so one browser context carries a pending login
// or a session from A to B, as a load balancer without sticky sessions would. Each instance writes
// its own log; where it matters we check in the logs which instance did the work.

const WRONG_PASSWORD = 'not-the-password-at-all';
const INVALID_CREDENTIALS = 'Tenant domain, username or password is incorrect.';

type Account = { tenantDomain: string; username: string };

const actorOf = (account: Account) => `${account.username.toLowerCase()}@${account.tenantDomain}`;

async function enterPasswordOn(page: Page, instance: AppInstance, account: Account & { password?: string }): Promise<void> {
  await page.goto(`${instance.baseUrl}/login`);
  await page.getByLabel('Tenant domain', { exact: true }).fill(account.tenantDomain);
  await page.getByLabel('Username', { exact: true }).fill(account.username);
  await page.getByLabel('Password', { exact: true }).fill(account.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

/** Both login steps on one instance, landing on `landsOn` there. */
async function signInOn(page: Page, instance: AppInstance, account: Account, landsOn: string): Promise<string> {
  await enterPasswordOn(page, instance, account);
  await page.waitForURL(`${instance.baseUrl}/login/code`);
  const code = await unusedTotpCode({ ...account, secret: DEMO_TOTP_SECRET });
  await enterCode(page, code);
  await page.waitForURL(`${instance.baseUrl}${landsOn}`);
  return code;
}

async function cookieHeader(page: Page, instance: AppInstance): Promise<string> {
  const cookies = await page.context().cookies(instance.baseUrl);
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** A plain request with a replayed cookie: 200 when the session is accepted, a redirect to /login when not. */
async function getWithCookie(instance: AppInstance, path: string, cookie: string): Promise<Response> {
  return fetch(`${instance.baseUrl}${path}`, { redirect: 'manual', headers: { cookie }, signal: AbortSignal.timeout(15_000) });
}

function expectRedirectToLogin(response: Response): void {
  expect(response.status).toBeGreaterThanOrEqual(300);
  expect(response.status).toBeLessThan(400);
  expect(response.headers.get('location')).toContain('/login');
}

const isAudit = (action: string, actor: string, result?: string) => (event: LogEvent) =>
  event.event === action && event.actor === actor && (result === undefined || event.result === result);

/**
 * Two production servers of one build on one database, A and B, as `start` arranges them
 * (directly, or behind a reverse proxy and a connection pooler). Bystanders are other servers on
 * the same database that are not under test (their outbox workers may send some emails too).
 */
export type TwoInstanceTopology = { a: AppInstance; b: AppInstance; bystanders: AppInstance[]; stop: () => Promise<void> };

export function describeTwoInstances(
  title: string,
  start: () => Promise<TwoInstanceTopology>,
  more?: (topology: () => TwoInstanceTopology, browser: () => Browser) => void,
): void {
  describe(title, () => {
    const browser = useBrowser();
    let topology: TwoInstanceTopology;
    let a: AppInstance;
    let b: AppInstance;

    beforeAll(async () => {
      topology = await start();
      ({ a, b } = topology);
    }, 120_000);

    afterAll(async () => {
      await topology?.stop();
    });

    test('both instances are up, share the database and run an outbox worker', async () => {
      expect(b.baseUrl).not.toBe(a.baseUrl);
      for (const instance of [a, b]) {
        const response = await fetch(`${instance.baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
        expect(response.status).toBe(200);
        expect(response.headers.get('cache-control')).toContain('no-store');
        const health = (await response.json()) as { status: string; database: string; outboxBacklog: unknown };
        expect(health).toMatchObject({ status: 'ok', database: 'up' });
        expect(typeof health.outboxBacklog).toBe('number');
        const workers = readLogEvents(instance).filter((event) => event.event === 'email.worker_started');
        expect(workers).toHaveLength(1);
        expect(workers[0]).toMatchObject({ transport: 'resend', intervalMs: 250 });
      }
    });

    test('the password step on A and the code step on B sign in; B completed the login', async () => {
      const account = { tenantDomain: '456789.sms', username: 'admin' };
      await withPage(browser(), async (page) => {
        await enterPasswordOn(page, a, account);
        await page.waitForURL(`${a.baseUrl}/login/code`);
        const [markA, markB] = [logMark(a), logMark(b)];

        // The pending login (server side, cookie on 127.0.0.1) is continued on the other instance.
        await page.goto(`${b.baseUrl}/login/code`);
        await enterCode(page, await unusedTotpCode({ ...account, secret: DEMO_TOTP_SECRET }));
        await page.waitForURL(`${b.baseUrl}/tenant/456789.sms`);
        expect(await page.locator('main').innerText()).toContain('Delta Foreign GmbH');

        const completedOnB = await waitForLogEvents(b, { fromByte: markB, matches: isAudit('login.completed', actorOf(account), 'success') });
        expect(completedOnB).toHaveLength(1);
        expect(readLogEvents(b, markB).filter(isAudit('login.two_factor', actorOf(account), 'success'))).toHaveLength(1);
        expect(readLogEvents(a, markA).filter((event) => event.actor === actorOf(account))).toEqual([]);
      });
    });

    test('a session made on A works on B; logging out on B ends it on A at once', async () => {
      const account = { tenantDomain: '234567.sms', username: 'admin' };
      await withPage(browser(), async (page) => {
        await signInOn(page, a, account, '/tenant/234567.sms');
        const cookie = await cookieHeader(page, a);
        expect((await getWithCookie(a, '/tenant/234567.sms', cookie)).status).toBe(200);

        await page.goto(`${b.baseUrl}/tenant/234567.sms`);
        expect(page.url()).toBe(`${b.baseUrl}/tenant/234567.sms`);
        expect(await page.locator('main').innerText()).toContain('Beta Retail AG');
        expect(await page.locator('header').innerText()).toContain('admin');

        const markB = logMark(b);
        await logOutFromHeader(page);
        await page.waitForURL('**/login**');
        await waitForLogEvents(b, { fromByte: markB, matches: isAudit('logout', actorOf(account), 'success') });

        // No waiting, no cache to expire: A checks the session in the database on each request.
        expectRedirectToLogin(await getWithCookie(a, '/tenant/234567.sms', cookie));
        expectRedirectToLogin(await getWithCookie(b, '/tenant/234567.sms', cookie));
      });
    });

    test('a code accepted on A is refused when replayed on B, with the normal message and an audit event', async () => {
      const account = { tenantDomain: '123456.sms', username: 'helpdesk' };
      const code = await withPage(browser(), (page) => signInOn(page, a, account, '/tenant/123456.sms'));
      const replaysBefore = await countReplays(actorOf(account));

      await withPage(browser(), async (page) => {
        await enterPasswordOn(page, b, account);
        await page.waitForURL(`${b.baseUrl}/login/code`);
        const markB = logMark(b);
        await enterCode(page, code);
        await page.getByRole('alert').filter({ hasText: 'Invalid code.' }).waitFor();
        expect(page.url()).toBe(`${b.baseUrl}/login/code`);

        const refusedOnB = await waitForLogEvents(b, { fromByte: markB, matches: isAudit('login.two_factor', actorOf(account), 'failure') });
        expect(refusedOnB.map((event) => event.details?.reason)).toEqual(['replayed_code']);
      });
      expect(await countReplays(actorOf(account))).toBe(replaysBefore + 1);
    });

    test(`wrong passwords alternated between A and B lock the account after ${LOCKOUT_THRESHOLD} failures in total`, async () => {
      const password = 'Throwaway-Password-Long-Enough-7';
      const user = await createUserWithoutTwoFactor({ tenantDomain: '123456.sms', usernamePrefix: 'multi.lock', password, role: 'helpdesk' });
      const account = { tenantDomain: '123456.sms', username: user.username };
      const [markA, markB] = [logMark(a), logMark(b)];

      await withPage(browser(), async (page) => {
        // The account works (no second factor for a helpdesk account without one).
        await enterPasswordOn(page, b, { ...account, password });
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      });

      await withPage(browser(), async (page) => {
        for (let attempt = 1; attempt <= LOCKOUT_THRESHOLD; attempt += 1) {
          if (attempt === LOCKOUT_THRESHOLD) {
            // Neither instance alone has seen enough failures to lock: the count is shared.
            expect(await readAccountThrottle(account)).toMatchObject({ failures: LOCKOUT_THRESHOLD - 1, isLocked: false });
          }
          await enterPasswordOn(page, attempt % 2 === 1 ? a : b, { ...account, password: WRONG_PASSWORD });
          await page.getByRole('alert').filter({ hasText: INVALID_CREDENTIALS }).waitFor();
        }
        expect(await readAccountThrottle(account)).toMatchObject({ failures: LOCKOUT_THRESHOLD, isLocked: true });

        // Now the right password is refused on both, with the same message.
        for (const instance of [a, b]) {
          await enterPasswordOn(page, instance, { ...account, password });
          await page.getByRole('alert').filter({ hasText: INVALID_CREDENTIALS }).waitFor();
          expect(page.url()).toBe(`${instance.baseUrl}/login`);
        }
      });

      const failuresOn = (instance: AppInstance, fromByte: number) =>
        readLogEvents(instance, fromByte).filter((event) => event.actor === actorOf(account) && event.result === 'failure');
      const reasons = (events: LogEvent[]) => events.map((event) => `${event.event}:${String(event.details?.reason)}`);
      // Attempts 1, 3, 5, 7, 9 on A; 2, 4, 6, 8 and the locking 10th on B; then one locked attempt each.
      expect(reasons(failuresOn(a, markA))).toEqual([...Array(5).fill('login.password:wrong_password'), 'login.password:account_locked']);
      expect(reasons(failuresOn(b, markB))).toEqual([
        ...Array(4).fill('login.password:wrong_password'),
        'login.lockout:wrong_password',
        'login.password:account_locked',
      ]);
    });

    test(`50 concurrent guesses split over A and B: at most ${LOCKOUT_THRESHOLD} reach bcrypt, one lockout, one email (issue 14.1)`, async () => {
      const password = 'Throwaway-Password-Long-Enough-9';
      const user = await createUserWithoutTwoFactor({ tenantDomain: '123456.sms', usernamePrefix: 'burst', password, role: 'helpdesk' });
      const account = { tenantDomain: '123456.sms', username: user.username };
      const [markA, markB] = [logMark(a), logMark(b)];
      // The login form as a browser without JavaScript posts it (both instances run one build, so
      // the same action ids), sent 25 times to each instance at once; the right password last.
      const loginForm = await withPage(browser(), (page) => discoverForms({ page, baseUrl: a.baseUrl, path: '/login', cookie: '' }));
      const form = loginForm.find((candidate) => candidate.fields.some((field) => field.name === 'password'))!;
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          postLoginForm(index % 2 === 0 ? a : b, form, { ...account, password: index === 49 ? password : `Wrong-Guess-${index}` }),
        ),
      );
      const refused = answers.filter((answer) => answer.status === 200 && answer.body.includes(INVALID_CREDENTIALS)).length;
      try {
        expect(refused + answers.filter((answer) => answer.status === 303).length).toBe(50);
        const outcomes = await passwordOutcomes(actorOf(account));
        // Checked against the account's hash: the wrong passwords that were counted, and the right one if it got in first.
        expect(outcomes.wrong_password + outcomes.success).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
        expect(outcomes.lockouts).toBe(1);
        expect(outcomes.account_locked).toBeGreaterThanOrEqual(50 - LOCKOUT_THRESHOLD);
        // Both instances took part, and neither went past the shared count.
        for (const [instance, mark] of [[a, markA], [b, markB]] as const) {
          expect(readLogEvents(instance, mark).filter((event) => event.actor === actorOf(account)).length).toBeGreaterThan(0);
        }
        const { rows } = await e2eDb().query<{ n: number }>(
          "select count(*)::int as n from email_outbox where user_id = $1 and template = 'account_locked'",
          [user.id],
        );
        expect(rows[0]!.n).toBe(1);
        // The lock holds on both instances for the right password too.
        for (const instance of [a, b]) {
          const answer = await postLoginForm(instance, form, { ...account, password });
          expect(answer.body).toContain(INVALID_CREDENTIALS);
        }
      } finally {
        // Every attempt came from this machine's one address and counted against its limit of 100
        // failures per 15 minutes; give the burst's back so later files are not rate limited.
        await e2eDb().query("update login_throttles set consecutive_failures = greatest(consecutive_failures - $1, 0) where key = 'ip:127.0.0.1'", [refused + 2]);
      }
    });

    test('outbox workers on both instances send each email once', async () => {
      // Twenty administrators without two-factor in a customer of the demo reseller; the reseller's
      // "Send activation email to all" (on B) queues one email each in one burst, and both workers
      // poll the outbox every 250 ms.
      const recipients: string[] = [];
      for (let index = 0; index < 20; index += 1) {
        const user = await createUserWithoutTwoFactor({ tenantDomain: '234567.sms', usernamePrefix: 'multi.mail', password: 'Throwaway-Password-Long-Enough-8' });
        recipients.push(user.email);
      }
      // A local administrator of the demo reseller: its own reseller.admin is RSP-linked and signs in
      // through the Reseller Portal (issue 15), which is not what this check is about.
      const localReseller = await createUserWithoutTwoFactor({ tenantDomain: '100001.sms', usernamePrefix: 'multi.reseller', password: DEMO_PASSWORD });
      await giveDemoTwoFactor(localReseller.id, DEMO_TOTP_SECRET);
      const reseller = { tenantDomain: '100001.sms', username: localReseller.username };
      const [markA, markB] = [logMark(a), logMark(b)];
      const bystanderMarks = new Map(topology.bystanders.map((instance) => [instance, logMark(instance)]));
      const { rows: clock } = await e2eDb().query<{ now: Date }>('select now() as now');
      const startedAt = clock[0]!.now;

      let bursts = 0;
      await withPage(browser(), async (page) => {
        await signInOn(page, a, reseller, '/customer-selection');
        // Which worker claims a row depends on timing. Both must have sent some; a burst that one
        // worker happened to take whole is repeated (at most three).
        while (bursts < 3) {
          bursts += 1;
          // Each burst starts from the plain page: the answer comes back in the address (?done=…).
          await page.goto(`${b.baseUrl}/tenant/100001.sms/compliance`);
          // The confirmation is a disclosure, so the form needs no script.
          await page.locator('main summary', { hasText: 'Send activation email to all' }).click();
          await page.getByRole('button', { name: 'Yes, send to all', exact: true }).click();
          await page.waitForURL((url) => url.searchParams.get('done') === 'sentAll');
          await page.getByRole('status').filter({ hasText: 'Activation emails for every listed administrator are on their way.' }).waitFor();
          await waitUntilSent({ recipients, count: bursts, since: startedAt });
          const senders = sendersByOutboxId(markA, markB);
          const names = new Set([...senders.values()].flat());
          if (names.has(a.name) && names.has(b.name)) break;
        }
      });

      const rows = await outboxRowsSince(startedAt);
      const mine = rows.filter((row) => recipients.includes(row.to_address));
      expect(mine).toHaveLength(recipients.length * bursts);
      // Claimed once each: a second claim would have counted a second attempt.
      expect(rows.filter((row) => row.status !== 'sent' || row.attempts !== 1)).toEqual([]);

      // Each email was sent by exactly one instance, and both instances sent some.
      const senders = sendersByOutboxId(markA, markB);
      for (const row of rows) expect({ id: row.id, senders: senders.get(row.id) }).toEqual({ id: row.id, senders: [expect.any(String)] });
      const perInstance = new Map<string, number>();
      for (const [name] of senders.values()) perInstance.set(name!, (perInstance.get(name!) ?? 0) + 1);
      console.log(`outbox: ${rows.length} emails in ${bursts} burst(s); sent by ${[...perInstance].map(([name, count]) => `${name}: ${count}`).join(', ')}`);
      expect(perInstance.get(a.name)).toBeGreaterThan(0);
      expect(perInstance.get(b.name)).toBeGreaterThan(0);

      // And the provider got each one once, under the outbox id as idempotency key.
      const captured = (await listSentEmails()) as Array<{ to: string[]; idempotencyKey?: string | null }>;
      for (const email of recipients) {
        expect(captured.filter((sent) => sent.to.includes(email))).toHaveLength(bursts);
      }
      for (const row of rows) {
        expect(captured.filter((sent) => sent.idempotencyKey === `email-outbox/${row.id}`)).toHaveLength(1);
      }

      function sendersByOutboxId(fromA: number, fromB: number): Map<string, string[]> {
        const senders = new Map<string, string[]>();
        const watched: Array<[AppInstance, number]> = [[a, fromA], [b, fromB], ...topology.bystanders.map((instance): [AppInstance, number] => [instance, bystanderMarks.get(instance) ?? 0])];
        for (const [instance, from] of watched) {
          for (const event of readLogEvents(instance, from).filter((entry) => entry.event === 'email.sent')) {
            const id = String(event.outboxId);
            senders.set(id, [...(senders.get(id) ?? []), instance.name]);
          }
        }
        return senders;
      }
    });

    more?.(() => topology, browser);
  });
}

/** The login form posted as a browser without JavaScript would, to one instance. */
function postLoginForm(instance: AppInstance, form: DiscoveredForm, account: Account & { password: string }) {
  const values: Record<string, string> = { tenantDomain: account.tenantDomain, username: account.username, password: account.password };
  const { body, contentType } = multipartBody([
    ...form.actionFields.map((field) => ({ name: field.name, value: field.value })),
    ...form.fields.map((field) => ({ name: field.name, value: values[field.name] ?? field.value })),
  ]);
  return send(`${instance.baseUrl}/login`, { method: 'POST', headers: { 'content-type': contentType, origin: instance.baseUrl }, body });
}

/** How the password step ended for an account: by audit reason, lockouts and successes. */
async function passwordOutcomes(actor: string): Promise<{ wrong_password: number; account_locked: number; lockouts: number; success: number }> {
  const { rows } = await e2eDb().query<{ wrong: number; locked: number; lockouts: number; success: number }>(
    `select count(*) filter (where details->>'reason' = 'wrong_password')::int as wrong,
            count(*) filter (where action = 'login.password' and details->>'reason' = 'account_locked')::int as locked,
            count(*) filter (where action = 'login.lockout')::int as lockouts,
            count(*) filter (where action = 'login.password' and result = 'success')::int as success
     from audit_events where actor_label = $1 and action in ('login.password', 'login.lockout')`,
    [actor],
  );
  const row = rows[0]!;
  return { wrong_password: row.wrong, account_locked: row.locked, lockouts: row.lockouts, success: row.success };
}

async function countReplays(actor: string): Promise<number> {
  const { rows } = await e2eDb().query<{ n: number }>(
    `select count(*)::int as n from audit_events
     where action = 'login.two_factor' and result = 'failure' and actor_label = $1 and details->>'reason' = 'replayed_code'`,
    [actor],
  );
  return rows[0]?.n ?? 0;
}

async function readAccountThrottle(account: Account): Promise<{ failures: number; isLocked: boolean }> {
  const { rows } = await e2eDb().query<{ failures: number; is_locked: boolean }>(
    `select consecutive_failures as failures, coalesce(locked_until > now(), false) as is_locked
     from login_throttles where key = $1`,
    [`account:${account.tenantDomain}/${account.username.toLowerCase()}`],
  );
  return { failures: rows[0]?.failures ?? 0, isLocked: rows[0]?.is_locked ?? false };
}

type OutboxRow = { id: string; to_address: string; status: string; attempts: number };

async function outboxRowsSince(since: Date): Promise<OutboxRow[]> {
  const { rows } = await e2eDb().query<OutboxRow>(
    'select id, to_address, status::text as status, attempts from email_outbox where created_at >= $1 order by created_at',
    [since],
  );
  return rows;
}

/** Waits until every recipient has `count` emails in the outbox and nothing queued since `since` is waiting. */
async function waitUntilSent(options: { recipients: string[]; count: number; since: Date }): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await e2eDb().query<{ queued: number; waiting: number }>(
      `select count(*) filter (where to_address = any($1))::int as queued,
              count(*) filter (where status in ('pending', 'sending'))::int as waiting
       from email_outbox where created_at >= $2`,
      [options.recipients, options.since],
    );
    if (rows[0]!.queued === options.recipients.length * options.count && rows[0]!.waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`outbox not sent in time: ${JSON.stringify(rows[0])}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
