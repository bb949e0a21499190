import { form, requireTenantPermission } from '../support/server-action-mocks';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isTenantAction, tenantAction, toFormFailure } from '@/app/_server/tenant-action';
import { NotFoundSignal, redirectedTo } from '../support/next-navigation-mock';

// Issue 13.1: every server action of a tenant is built by tenantAction, which checks access and
// permission for the bound tenant before it reads a single field. The first test finds every
// actions.ts under app/tenant and fails on any export written by hand.

const ROOT = path.resolve(__dirname, '..', '..');

function actionFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return actionFiles(relative);
    return entry.name === 'actions.ts' ? [relative] : [];
  });
}

const access = { actingTenant: { id: 't-1', tenantDomain: '123456.sms', kind: 'customer' }, isResellerActingForCustomer: false };

beforeEach(() => {
  jest.clearAllMocks();
  requireTenantPermission.mockResolvedValue(access);
});

describe('tenant actions', () => {
  test('every export of every actions.ts under app/tenant is built by tenantAction', async () => {
    const files = actionFiles('app/tenant');
    expect(files.length).toBeGreaterThanOrEqual(4);
    const exports: Array<{ name: string; isTenantAction: boolean }> = [];
    for (const file of files) {
      const exported = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) exports.push({ name: `${file}: ${name}`, isTenantAction: isTenantAction(value) });
    }
    expect(exports.length).toBeGreaterThanOrEqual(14);
    expect(exports.filter((entry) => !entry.isTenantAction).map((entry) => entry.name)).toEqual([]);
  });

  test('the check refuses an action written by hand', () => {
    expect(isTenantAction(async (tenantDomain: string, formData: FormData) => [tenantDomain, formData])).toBe(false);
    expect(isTenantAction(undefined)).toBe(false);
  });

  test('the permission is checked in the bound tenant before any input is read; a refusal reads nothing', async () => {
    const parse = jest.fn(() => ({ ok: true as const, data: {} }));
    const operation = jest.fn(async () => 'done');
    const action = tenantAction({ permission: 'users.manage', input: parse, page: () => '/p', invalidInput: 'x' }, operation);
    requireTenantPermission.mockRejectedValue(new NotFoundSignal('NEXT_HTTP_ERROR_FALLBACK;404'));
    await expect(action('234567.sms', form({ userId: 'u' }))).rejects.toThrow(NotFoundSignal);
    expect(requireTenantPermission).toHaveBeenCalledWith('234567.sms', 'users.manage');
    expect(parse).not.toHaveBeenCalled();
    expect(operation).not.toHaveBeenCalled();
  });

  test('a further condition on the access is checked before the input too (404 otherwise)', async () => {
    const parse = jest.fn(() => ({ ok: true as const, data: {} }));
    const action = tenantAction({ permission: 'users.manage', isAllowed: (granted) => granted.isResellerActingForCustomer, input: parse, form: {} }, async () => ({ status: 'success' as const }));
    await expect(action('123456.sms', { status: 'idle' }, form({}))).rejects.toThrow(NotFoundSignal);
    expect(parse).not.toHaveBeenCalled();
  });

  test('bound arguments reach the page and the operation; unknown fields are refused as such', async () => {
    const operation = jest.fn(async (_context: unknown, customerId: string) => ({ code: 'done', target: customerId }));
    const action = tenantAction(
      { permission: 'licenses.manage', input: z.strictObject({ licenseId: z.string() }), page: (_access, customerId: string) => `/c/${customerId}`, invalidInput: 'license_not_found' },
      operation,
    );
    const done = await redirectedTo(action('100001.sms', 'c-1', form({ licenseId: 'l-1' })));
    expect(`${done.pathname}?${done.searchParams.get('done')}&${done.searchParams.get('target')}`).toBe('/c/c-1?done&c-1');
    expect(operation).toHaveBeenCalledWith(expect.objectContaining({ data: { licenseId: 'l-1' }, clientAddress: '192.0.2.1' }), 'c-1');
    const refused = await redirectedTo(action('100001.sms', 'c-1', form({ licenseId: 'l-1', tenantId: 'x' })));
    expect(refused.searchParams.get('failed')).toBe('unexpectedField');
    const invalid = await redirectedTo(action('100001.sms', 'c-1', form({})));
    expect(invalid.searchParams.get('failed')).toBe('license_not_found');
    expect(operation).toHaveBeenCalledTimes(1);
  });

  test('one toFormFailure: a refusal becomes its domain\'s message, anything else the generic error', () => {
    const { UserManagementError } = jest.requireActual('@/lib/users/user-errors');
    const { CustomerManagementError } = jest.requireActual('@/lib/customers/customer-errors');
    const { ConfigurationProfileError } = jest.requireActual('@/lib/configurations/configuration-errors');
    expect(toFormFailure(new UserManagementError('last_admin'), 'users.manage').message).toBe('users.errors.last_admin');
    expect(toFormFailure(new CustomerManagementError('not_later'), 'licenses.manage').message).toBe('customers.errors.not_later');
    expect(toFormFailure(new ConfigurationProfileError('invalid_profile'), 'configurations.manage').message).toBe('configurations.errors.invalid_profile');
    expect(toFormFailure(new Error('connection reset'), 'users.manage')).toEqual({ status: 'error', message: 'form.genericError' });
  });
});
