import { NextRequest } from 'next/server';
import type { SessionContext } from '@/lib/auth/sessions';
import type { SwitchableCustomerPage } from '@/lib/customer-selection/list-switchable-customers';
import { createLicense, createTenant } from '../support/factories';
import { unstoredSession } from '../support/sessions';
import { useTestDatabase } from '../support/test-database';

// The route handler's own gate: only a reseller session gets results, and only its own customers.
let currentSession: SessionContext | null = null;
jest.mock('@/app/_server/request-context', () => ({ getSession: async () => currentSession }));

useTestDatabase();

async function search(query: string) {
  const { GET } = await import('@/app/customer-selection/search/route');
  return GET(new NextRequest(`http://portal.test/customer-selection/search?${query}`));
}

describe('GET /customer-selection/search', () => {
  test('no session and customer sessions get 404 without data; a reseller gets only its own valid customers', async () => {
    const reseller = await createTenant({ kind: 'reseller' }, 'Route Reseller');
    const other = await createTenant({ kind: 'reseller' }, 'Route Other');
    const own = await createTenant({ kind: 'customer', resellerId: reseller.id }, 'Route Own Customer');
    const foreign = await createTenant({ kind: 'customer', resellerId: other.id }, 'Route Foreign Customer');
    await createLicense({ tenantId: own.id, resellerTenantId: reseller.id });
    await createLicense({ tenantId: foreign.id, resellerTenantId: other.id });

    currentSession = null;
    expect((await search('q=route')).status).toBe(404);
    currentSession = unstoredSession(own);
    const asCustomer = await search('q=route');
    expect(asCustomer.status).toBe(404);
    expect(await asCustomer.text()).not.toContain('Route');

    currentSession = unstoredSession(reseller);
    const response = await search('q=route&cursor=forged');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = (await response.json()) as SwitchableCustomerPage;
    expect(page.customers.map((customer) => customer.name)).toEqual(['Route Own Customer']);
    expect(Object.keys(page.customers[0]!).sort()).toEqual(['id', 'licenseTypes', 'name', 'tenantDomain', 'validUntil']);
  });
});
