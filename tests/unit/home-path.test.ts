import { homePathOf } from '@/lib/access/permissions';

// Where `/` and the end of a login send a person (issue 11: the login goes there directly).
describe('homePathOf', () => {
  it('sends reseller users who may see customers to the customer selection', () => {
    for (const role of ['admin', 'helpdesk', 'auditor'] as const) {
      expect(homePathOf({ user: { role }, tenant: { kind: 'reseller', tenantDomain: '100001.sms' } })).toBe('/customer-selection');
    }
  });

  it('sends customer users to their own tenant', () => {
    for (const role of ['admin', 'helpdesk', 'auditor'] as const) {
      expect(homePathOf({ user: { role }, tenant: { kind: 'customer', tenantDomain: '123456.sms' } })).toBe('/tenant/123456.sms');
    }
  });
});
