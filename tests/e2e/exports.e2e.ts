import type { APIResponse, Page } from 'playwright-core';
import { useBrowser, withPage } from './support/browser';
import { countAuditEvents } from './support/db';
import { signInAsDemoReseller } from './support/reseller-portal';
import { signInAsDemoUser } from './support/sign-in';

// Demo data from db/seed.ts: Demo Reseller GmbH (100001.sms) with Alpha Logistik GmbH (123456.sms),
// Beta Retail AG and Gamma Bau KG; admin@123456.sms is Alpha's own administrator (issue 10, item 3).

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The CSV's records (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else field += character;
  }
  return records;
}

async function readCsv(answer: APIResponse): Promise<string[][]> {
  expect(answer.status()).toBe(200);
  const headers = answer.headers();
  expect(headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(headers['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9.-]+\.csv"$/);
  expect(headers['cache-control']).toContain('no-store');
  const body = await answer.body();
  expect(body.subarray(0, 3).equals(BOM)).toBe(true);
  return parseCsv(body.subarray(3).toString('utf8'));
}

async function createCustomerThroughTheForm(page: Page, name: string): Promise<void> {
  await page.goto('/tenant/100001.sms/customers/new-license');
  await page.getByLabel('Customer name').fill(name);
  await page.getByLabel('Contact email').fill('it@formula.example');
  await page.getByLabel('License type').selectOption('mdm');
  await page.getByLabel('Number of devices').fill('5');
  await page.getByRole('button', { name: 'Create license' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('CSV exports', () => {
  const browser = useBrowser();

  test('reseller downloads the customer list and the audit log with the filters on screen; a formula cell arrives neutralised', async () => {
    const formulaName = `=HYPERLINK("http://evil.example","E2E Formel ${Date.now()}")`;
    await withPage(browser(), async (page) => {
      await signInAsDemoReseller(page);
      await createCustomerThroughTheForm(page, formulaName);

      // The page's own link carries its search and filter.
      await page.goto('/tenant/100001.sms/customers?q=E2E+Formel&state=valid&sort=name');
      const link = page.getByRole('link', { name: 'Export as CSV' });
      expect(await link.getAttribute('href')).toBe('/tenant/100001.sms/customers/export?q=E2E+Formel&state=valid&sort=name&dir=asc');
      const exportsBefore = await countAuditEvents('customers.exported');
      const customers = await readCsv(await page.request.get((await link.getAttribute('href'))!));
      expect(customers[0]).toEqual(['Customer', 'Tenant domain', 'Contact email', 'License state', 'Licenses', 'Devices', 'Valid until (UTC)']);
      const formulaRow = customers.find((row) => row[0]!.includes('E2E Formel'));
      expect(formulaRow?.[0]).toBe(`'${formulaName}`);
      // Only the filtered customers: no Beta, no Gamma (expired), never another reseller's Delta.
      const names = customers.slice(1).map((row) => row[0]);
      expect(names.every((name) => name!.includes('E2E Formel'))).toBe(true);
      expect(await countAuditEvents('customers.exported')).toBe(exportsBefore + 1);

      // Unfiltered, the expired customer is there but not the other reseller's one; German headers follow the language.
      const all = await readCsv(await page.request.get('/tenant/100001.sms/customers/export', { headers: { 'accept-language': 'de' } }));
      expect(all[0]![0]).toBe('Kunde');
      expect(all.map((row) => row[0])).toEqual(expect.arrayContaining(['Alpha Logistik GmbH', 'Gamma Bau KG']));
      expect(all.map((row) => row[0])).not.toContain('Delta Foreign GmbH');

      // The audit log, filtered by action as on its page: sentences, and only that action.
      await page.goto('/tenant/100001.sms/audit?action=customer.created');
      const auditHref = await page.getByRole('link', { name: 'Export as CSV' }).getAttribute('href');
      expect(auditHref).toBe('/tenant/100001.sms/audit/export?action=customer.created');
      const audit = await readCsv(await page.request.get(auditHref!));
      expect(audit[0]).toEqual(['Time (UTC)', 'Event', 'User', 'Acting for tenant domain', 'Result', 'IP address', 'User agent', 'Event id']);
      expect(audit.length).toBeGreaterThan(1);
      expect(audit.slice(1).every((row) => row[7] === 'customer.created')).toBe(true);
      expect(audit.slice(1).map((row) => row[1])).toContain(`reseller.admin created the customer ${formulaName}`);
      expect(await countAuditEvents('audit.exported')).toBeGreaterThanOrEqual(1);
    });
  });

  test('a customer admin is refused the customer export, its own and the reseller\'s, and may export its audit log', async () => {
    await withPage(browser(), async (page) => {
      await signInAsDemoUser(page, { tenantDomain: '123456.sms', username: 'admin', landsOn: '**/tenant/123456.sms' });
      for (const path of ['/tenant/123456.sms/customers/export', '/tenant/100001.sms/customers/export', '/tenant/234567.sms/audit/export']) {
        const answer = await page.request.get(path, { maxRedirects: 0 });
        expect({ path, status: answer.status() }).toEqual({ path, status: 404 });
        expect(answer.headers()['content-type'] ?? '').not.toContain('text/csv');
        expect(await answer.text()).not.toMatch(/Alpha Logistik GmbH|Tenant domain|Event id/);
      }
      const own = await readCsv(await page.request.get('/tenant/123456.sms/audit/export'));
      expect(own.length).toBeGreaterThan(1);
    });
  });
});
