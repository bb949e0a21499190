import { form, requireTenantPermission } from '../support/server-action-mocks';
import { createLicenseAction, extendLicenseAction, inviteCustomerAdministratorAction } from '@/app/tenant/[tenantDomain]/customers/actions';
import { NotFoundSignal, redirectedTo } from '../support/next-navigation-mock';

// The reseller's license and customer actions: access first, strict input, and every success
// ends on the customer's page with its outcome (post/redirect/get).

const operations = { createLicense: jest.fn(), extendLicense: jest.fn(), createUser: jest.fn() };
jest.mock('@/lib/customers/create-license', () => ({ createLicense: (...args: unknown[]) => operations.createLicense(...args) }));
jest.mock('@/lib/customers/change-license', () => ({ extendLicense: (...args: unknown[]) => operations.extendLicense(...args), revokeLicense: jest.fn() }));
jest.mock('@/lib/users/create-user', () => ({ createUser: (...args: unknown[]) => operations.createUser(...args) }));

const CUSTOMER_ID = '11111111-1111-4111-8111-111111111111';
const LICENSE_ID = '22222222-2222-4222-8222-222222222222';
const reseller = { actingTenant: { id: 'r-1', tenantDomain: '100001.sms' }, session: { tenant: { tenantDomain: '100001.sms' } }, isResellerActingForCustomer: false };
const actingForCustomer = { actingTenant: { id: CUSTOMER_ID, tenantDomain: '482915.sms' }, session: { tenant: { tenantDomain: '100001.sms' } }, isResellerActingForCustomer: true };

const newCustomerLicense = { customerMode: 'new', customerName: 'Neukunde GmbH', contactEmail: 'it@neukunde.example', type: 'mdm', deviceCount: '10', validFrom: '2026-11-23', validUntil: '2027-11-23' };

beforeEach(() => {
  jest.clearAllMocks();
  requireTenantPermission.mockResolvedValue(reseller);
});

describe('customer and license actions', () => {
  test('a license for a new customer leads to the new customer’s page, which names its tenant domain and invites its first administrator', async () => {
    operations.createLicense.mockResolvedValue({ licenseId: LICENSE_ID, customerId: CUSTOMER_ID, customerTenantDomain: '482915.sms', isNewCustomer: true });
    const url = await redirectedTo(createLicenseAction('100001.sms', { status: 'idle' }, form(newCustomerLicense)));
    expect(requireTenantPermission).toHaveBeenCalledWith('100001.sms', 'licenses.manage');
    expect(url.pathname).toBe(`/tenant/100001.sms/customers/${CUSTOMER_ID}`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ done: 'customerCreated', target: LICENSE_ID });
  });

  test('a refused license keeps what was typed', async () => {
    const { CustomerManagementError } = jest.requireActual('@/lib/customers/customer-errors');
    operations.createLicense.mockRejectedValue(new CustomerManagementError('domain_exhausted'));
    const state = await createLicenseAction('100001.sms', { status: 'idle' }, form(newCustomerLicense));
    expect(state).toMatchObject({ status: 'error', message: 'customers.errors.domain_exhausted', values: { customerName: 'Neukunde GmbH' } });
  });

  test('extend returns to the customer’s page; a bad date is a failure there, with nothing changed', async () => {
    operations.extendLicense.mockResolvedValue(undefined);
    const done = await redirectedTo(extendLicenseAction('100001.sms', CUSTOMER_ID, form({ licenseId: LICENSE_ID, validUntil: '2028-01-01' })));
    expect(done.pathname).toBe(`/tenant/100001.sms/customers/${CUSTOMER_ID}`);
    expect(Object.fromEntries(done.searchParams)).toMatchObject({ done: 'licenseExtended', target: LICENSE_ID });
    operations.extendLicense.mockClear();
    const failed = await redirectedTo(extendLicenseAction('100001.sms', CUSTOMER_ID, form({ licenseId: LICENSE_ID, validUntil: 'soon' })));
    expect(failed.searchParams.get('failed')).toBe('invalid_date');
    expect(operations.extendLicense).not.toHaveBeenCalled();
  });

  test('inviting an administrator checks users.manage in the customer’s tenant and always grants the admin role', async () => {
    requireTenantPermission.mockResolvedValue(actingForCustomer);
    operations.createUser.mockResolvedValue({ userId: '33333333-3333-4333-8333-333333333333' });
    const url = await redirectedTo(inviteCustomerAdministratorAction('482915.sms', { status: 'idle' }, form({ username: 'it.admin', email: 'it@neukunde.example' })));
    expect(requireTenantPermission).toHaveBeenCalledWith('482915.sms', 'users.manage');
    expect(operations.createUser).toHaveBeenCalledWith(actingForCustomer, expect.objectContaining({ username: 'it.admin', role: 'admin', locale: 'de' }));
    expect(url.pathname).toBe(`/tenant/100001.sms/customers/${CUSTOMER_ID}`);
    expect(url.searchParams.get('done')).toBe('adminInvited');
  });

  test('the invitation refuses a role sent along, and anyone not acting for a customer', async () => {
    requireTenantPermission.mockResolvedValue(actingForCustomer);
    const state = await inviteCustomerAdministratorAction('482915.sms', { status: 'idle' }, form({ username: 'x', email: 'x@example.test', role: 'auditor' }));
    expect(state).toMatchObject({ status: 'error', message: 'validation.unexpectedField' });
    requireTenantPermission.mockResolvedValue({ ...actingForCustomer, isResellerActingForCustomer: false });
    await expect(inviteCustomerAdministratorAction('482915.sms', { status: 'idle' }, form({ username: 'x', email: 'x@example.test' }))).rejects.toThrow(NotFoundSignal);
    expect(operations.createUser).not.toHaveBeenCalled();
  });
});
