import { e2eBaseUrl, useBrowser, withPage } from './support/browser';
import { listSentEmails, waitForEmail } from './support/sent-emails';

// The browser suite runs the production build, where /dev/mailbox does not exist: the app sends
// through the real `resend` SDK to the fake Resend server of the global setup, read back here.
// (/dev/mailbox is covered by tests/integration/email-dev-mailbox.test.ts and a component test.)
describe('email delivery in the running app', () => {
  const browser = useBrowser();

  test('the fake email provider answers and lists captured emails', async () => {
    expect(process.env.E2E_FAKE_RESEND_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Array.isArray(await listSentEmails())).toBe(true);
  });

  test('/dev/mailbox and its HTML route do not exist in the production build', async () => {
    await withPage(browser(), async (page) => {
      const response = await page.goto('/dev/mailbox');
      expect(response?.status()).toBe(404);
      const html = await fetch(`${e2eBaseUrl()}/dev/mailbox/${crypto.randomUUID()}/html`, { redirect: 'manual' });
      expect(html.status).toBe(404);
    });
  });

  test('Password forgotten? delivers the reset email through the outbox worker, with a working link', async () => {
    await withPage(browser(), async (page) => {
      await page.goto('/password-forgotten');
      await page.getByLabel('Tenant domain', { exact: true }).fill('234567.sms');
      await page.getByLabel('Username', { exact: true }).fill('admin');
      await page.getByRole('button', { name: 'Send reset email' }).click();
      await page.getByText('If the account exists, we have sent an email').waitFor({ state: 'visible' });

      const email = await waitForEmail({ to: 'admin@234567.demo.invalid', timeoutMs: 20_000 });
      const resetLink = email.links.find((link) => link.includes('/reset-password/'));
      expect(resetLink).toBeDefined();
      expect(email.text).toContain(resetLink!);
      expect(email.html).toContain('Mobile Security Portal');

      const response = await page.goto(resetLink!);
      expect(response?.status()).toBe(200);
    });
  });
});
