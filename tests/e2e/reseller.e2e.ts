import type { Page } from 'playwright-core';
import { useBrowser, withPage } from './support/browser';
import { countAuditEvents, e2eDb } from './support/db';
import { signInAsDemoReseller } from './support/reseller-portal';

// Demo data from db/seed.ts: Demo Reseller GmbH (100001.sms) with Alpha (valid MDM), Beta (valid
// Mobile Security) and Gamma (expired); Delta belongs to Other Reseller AG. Its reseller.admin is
// RSP-linked: it signs in through the (stand-in) Reseller Portal (issue 15).
const signInAsReseller = signInAsDemoReseller;

const selectionList = (page: Page) => page.getByRole('table', { name: 'Customers', exact: true });

describe('reseller: customer selection, switching and licenses', () => {
  const browser = useBrowser();

  test('reseller lands on the customer selection, sees only valid own customers, searches, switches into Alpha and back', async () => {
    await withPage(browser(), async (page) => {
      await signInAsReseller(page);
      await page.getByRole('heading', { level: 1, name: 'Customer selection' }).waitFor();
      const list = selectionList(page);
      await list.getByRole('button', { name: /Alpha Logistik GmbH/ }).waitFor();
      const text = await list.innerText();
      expect(text).toContain('Beta Retail AG');
      expect(text).not.toContain('Gamma Bau KG');
      expect(text).not.toContain('Delta Foreign GmbH');

      await page.getByLabel('Search customers').fill('beta');
      await list.getByRole('button', { name: /Alpha/ }).waitFor({ state: 'detached' });
      expect(await list.innerText()).toContain('Beta Retail AG');
      await page.getByLabel('Search customers').fill('123456');
      await list.getByRole('button', { name: /Alpha Logistik GmbH/ }).waitFor();

      const switchesBefore = await countAuditEvents('tenant.switched');
      // Keyboard: arrow down from the search field to the entry, Enter selects.
      await page.getByLabel('Search customers').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/tenant/123456.sms');
      const header = page.locator('header');
      await header.getByText('Alpha Logistik GmbH · you act as reseller.admin of Demo Reseller GmbH').waitFor();
      expect(await countAuditEvents('tenant.switched')).toBe(switchesBefore + 2);

      // The header's customer selection menu: the same list, searchable, straight into Beta.
      await header.getByText('Switch customer', { exact: true }).click();
      await header.getByLabel('Search customers').fill('Beta');
      // The menu is a card over the page: its entries and buttons keep the card's colours (axe only
      // reports overlapping colours as "incomplete"); the browser runs in the light theme here.
      const beta = header.getByRole('button', { name: /Beta Retail AG/ });
      for (const control of [beta, header.getByRole('button', { name: 'Search', exact: true })]) {
        const [color, background] = await control.evaluate((element) => [getComputedStyle(element).color, getComputedStyle(element).backgroundColor]);
        expect({ color, background }).toEqual({ color: expect.not.stringMatching(/^rgb\(255, 255, 255\)$/), background: 'rgb(255, 255, 255)' });
      }
      await beta.click();
      await page.waitForURL('**/tenant/234567.sms');
      await page.locator('header').getByText('Beta Retail AG · you act as reseller.admin of Demo Reseller GmbH').waitFor();

      // The one customer switcher also leads to the full selection.
      await header.getByText('Switch customer', { exact: true }).click();
      await header.getByRole('link', { name: 'Open the full customer selection' }).click();
      await page.waitForURL('**/customer-selection');
      await page.getByRole('heading', { level: 1, name: 'Customer selection' }).waitFor();

      // Gamma's license expired: typing its URL is a 404 page, not its tenant.
      const gamma = await page.goto('/tenant/345678.sms');
      expect(gamma?.status()).toBe(404);
    });
  });

  test('reseller creates a license for a new customer, who then appears in the customer selection', async () => {
    const customerName = `E2E Neukunde ${Date.now()}`;
    await withPage(browser(), async (page) => {
      await signInAsReseller(page);
      await page.goto('/tenant/100001.sms/customers');
      await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
      await page.getByRole('link', { name: 'Create license', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Create license for a new customer' }).waitFor();
      await page.getByLabel('Customer name').fill(customerName);
      await page.getByLabel('Contact email').fill('it@neukunde.example');
      await page.getByLabel('License type').selectOption('mobile_security');
      await page.getByLabel('Number of devices').fill('42');
      await page.getByRole('button', { name: 'Create license' }).click();
      // The new customer's page: its tenant domain, and the way to its first administrator.
      await page.getByRole('heading', { level: 1, name: customerName }).waitFor();
      await page.getByRole('status').filter({ hasText: /is a new customer with the tenant domain \d{6}\.sms/ }).waitFor();
      await page.getByRole('heading', { name: 'Invite the first administrator' }).waitFor();
      const { rows } = await e2eDb().query<{ tenant_domain: string }>('SELECT tenant_domain FROM tenants WHERE name = $1', [customerName]);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.tenant_domain).toMatch(/^\d{6}\.sms$/);

      await page.goto('/customer-selection');
      await page.getByLabel('Search customers').fill('E2E Neukunde');
      const entry = selectionList(page).getByRole('button', { name: new RegExp(customerName) });
      await entry.waitFor();
      // The license badge sits in the entry's table row, beside the button.
      expect(await entry.locator('xpath=ancestor::tr').innerText()).toContain('Mobile Security');
    });
    expect(await countAuditEvents('license.created', { result: 'success' })).toBeGreaterThanOrEqual(2);
  });

  test('the old address of the customer selection, /customers, still leads there, search included', async () => {
    await withPage(browser(), async (page) => {
      await signInAsReseller(page);
      const answer = await page.request.get('/customers/search?q=beta', { maxRedirects: 0 });
      expect({ status: answer.status(), location: answer.headers().location }).toEqual({ status: 308, location: '/customer-selection/search?q=beta' });
      await page.goto('/customers?q=beta');
      await page.waitForURL('**/customer-selection?q=beta');
      await page.getByRole('heading', { level: 1, name: 'Customer selection' }).waitFor();
      expect(await selectionList(page).innerText()).toContain('Beta Retail AG');
      expect(await selectionList(page).innerText()).not.toContain('Alpha Logistik GmbH');
    });
  });
});
