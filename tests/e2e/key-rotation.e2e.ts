import { randomBytes } from 'node:crypto';
import { LoginClient } from '../../bench/support/login-http';
import { firstInstance, startExtraInstance, type AppInstance } from './support/second-instance';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './support/sign-in';
import { unusedTotpCode } from './support/totp';

// Rotation of AUTH_SECRET and TWO_FACTOR_ENCRYPTION_KEY as the README's runbook does it: instance R
// runs the next release's settings (new secret and key first, the suite's current ones as
// decryption-only), instance A still the old ones. People signed in before the change stay signed
// in; the enrolled authenticators, sealed with the old key, still work on R. (The re-encryption of
// the stored secrets, `npm run keys:rotate`, has its own test: tests/integration/key-rotation.test.ts.)

type Account = { tenantDomain: string; username: string };

async function signIn(instance: AppInstance, account: Account): Promise<LoginClient> {
  const client = new LoginClient(instance.baseUrl);
  expect(await client.passwordStep({ ...account, password: DEMO_PASSWORD })).toEqual({ ok: true });
  expect(await client.codeStep(await unusedTotpCode({ ...account, secret: DEMO_TOTP_SECRET }))).toEqual({ ok: true });
  return client;
}

/** The same browser (its cookies) talking to another instance. */
function sameBrowserOn(instance: AppInstance, client: LoginClient): LoginClient {
  const moved = new LoginClient(instance.baseUrl);
  for (const [name, value] of client.jar) moved.jar.set(name, value);
  return moved;
}

describe('rotating AUTH_SECRET and the two-factor encryption key', () => {
  let a: AppInstance;
  let rotated: AppInstance & { stop: () => Promise<void> };

  beforeAll(async () => {
    a = firstInstance();
    rotated = await startExtraInstance({
      name: 'R',
      logFile: 'e2e-server-rotated.log',
      overrides: () => {
        const current = JSON.parse(process.env.E2E_APP_ENV_JSON!) as Record<string, string>;
        return {
          AUTH_SECRET: randomBytes(33).toString('base64'),
          AUTH_DECRYPTION_SECRETS: current.AUTH_SECRET!,
          TWO_FACTOR_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
          TWO_FACTOR_DECRYPTION_KEYS: current.TWO_FACTOR_ENCRYPTION_KEY!,
        };
      },
    });
  }, 90_000);

  afterAll(async () => {
    await rotated?.stop();
  });

  test('a session made with the old secret stays signed in after the change', async () => {
    const account = { tenantDomain: '234567.sms', username: 'admin' };
    const before = await signIn(a, account);
    expect(await before.fetchPage('/tenant/234567.sms')).toBe(200);
    expect(await sameBrowserOn(rotated, before).fetchPage('/tenant/234567.sms')).toBe(200);
  });

  test('the new secret signs new sessions, and a TOTP secret sealed with the old key still signs in', async () => {
    const account = { tenantDomain: '456789.sms', username: 'admin' };
    const after = await signIn(rotated, account);
    expect(await after.fetchPage('/tenant/456789.sms')).toBe(200);
    // The old instance knows only the old secret: the cookie was sealed with the new one.
    const onOld = await sameBrowserOn(a, after).fetchPage('/tenant/456789.sms');
    expect(onOld >= 300 && onOld < 400).toBe(true);
  });
});
