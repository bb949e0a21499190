import { form, requireTenantPermission } from '../support/server-action-mocks';
import { changeUserRoleAction, createUserAction, disableUserAction, resetUserTwoFactorAction, sendUserPasswordResetAction } from '@/app/tenant/[tenantDomain]/users/actions';
import { deleteProfileAction } from '@/app/tenant/[tenantDomain]/configurations/actions';
import { redirectedTo } from '../support/next-navigation-mock';

// The server actions are public endpoints: each re-checks access for its bound tenant domain
// with the right permission before anything else, and refuses unexpected fields.

const operations = {
  createUser: jest.fn(),
  setUserDisabled: jest.fn(),
  changeUserRole: jest.fn(),
  resetUserTwoFactor: jest.fn(),
  sendUserPasswordReset: jest.fn(),
  deleteConfigurationProfile: jest.fn(),
};
jest.mock('@/lib/users/create-user', () => ({ createUser: (...args: unknown[]) => operations.createUser(...args) }));
jest.mock('@/lib/users/set-user-disabled', () => ({ setUserDisabled: (...args: unknown[]) => operations.setUserDisabled(...args) }));
jest.mock('@/lib/users/change-user-role', () => ({ changeUserRole: (...args: unknown[]) => operations.changeUserRole(...args) }));
jest.mock('@/lib/users/reset-user-two-factor', () => ({ resetUserTwoFactor: (...args: unknown[]) => operations.resetUserTwoFactor(...args) }));
jest.mock('@/lib/users/send-user-password-reset', () => ({ sendUserPasswordReset: (...args: unknown[]) => operations.sendUserPasswordReset(...args) }));
jest.mock('@/lib/configurations/delete-configuration-profile', () => ({
  deleteConfigurationProfile: (...args: unknown[]) => operations.deleteConfigurationProfile(...args),
}));

const access = { actingTenant: { id: 't-1', tenantDomain: '123456.sms' } };
const USER_ID = '0b7f4d1e-4c53-4a53-9f2c-6f1f0a8f2b11';

beforeEach(() => {
  jest.clearAllMocks();
  requireTenantPermission.mockResolvedValue(access);
});

describe('user and configuration actions', () => {
  test.each([
    ['disable', 'users.manage', disableUserAction, 'setUserDisabled'],
    ['reset two-factor', 'users.reset_two_factor', resetUserTwoFactorAction, 'resetUserTwoFactor'],
    ['send password reset', 'users.send_password_reset', sendUserPasswordResetAction, 'sendUserPasswordReset'],
  ] as const)('%s checks %s for the bound tenant domain first, then returns to the users page with the outcome', async (_name, permission, action, operation) => {
    const url = await redirectedTo(action('123456.sms', form({ userId: USER_ID })));
    expect(requireTenantPermission).toHaveBeenCalledWith('123456.sms', permission);
    expect(operations[operation]).toHaveBeenCalledWith(access, expect.objectContaining({ userId: USER_ID, clientAddress: '192.0.2.1' }));
    expect(url.pathname).toBe('/tenant/123456.sms/users');
    expect(url.searchParams.get('done')).toMatch(/^[a-zA-Z]+$/);
    expect(url.searchParams.get('target')).toBe(USER_ID);
  });

  test('a refused rule comes back as a failure code for the same user', async () => {
    const { UserManagementError } = jest.requireActual('@/lib/users/user-errors');
    operations.setUserDisabled.mockRejectedValue(new UserManagementError('last_admin'));
    const url = await redirectedTo(disableUserAction('123456.sms', form({ userId: USER_ID })));
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ failed: 'last_admin', target: USER_ID });
  });

  test('an unexpected error is not shown: the generic failure code', async () => {
    operations.resetUserTwoFactor.mockRejectedValue(new Error('connection reset'));
    const url = await redirectedTo(resetUserTwoFactorAction('123456.sms', form({ userId: USER_ID })));
    expect(url.searchParams.get('failed')).toBe('unexpected');
  });

  test('a denied tenant stops the action before any operation', async () => {
    requireTenantPermission.mockRejectedValue(new Error('NEXT_HTTP_ERROR_FALLBACK;404'));
    await expect(disableUserAction('234567.sms', form({ userId: USER_ID }))).rejects.toThrow('404');
    expect(operations.setUserDisabled).not.toHaveBeenCalled();
  });

  test('extra fields such as tenantId are refused', async () => {
    const url = await redirectedTo(changeUserRoleAction('123456.sms', form({ userId: USER_ID, role: 'admin', tenantId: 'x' })));
    expect(url.searchParams.get('failed')).toBe('unexpectedField');
    expect(operations.changeUserRole).not.toHaveBeenCalled();
  });

  test('create user passes the request locale and maps a taken username to the field', async () => {
    const { UserManagementError } = jest.requireActual('@/lib/users/user-errors');
    operations.createUser.mockRejectedValue(new UserManagementError('username_taken'));
    const state = await createUserAction('123456.sms', { status: 'idle' }, form({ username: 'admin', email: 'a@example.test', role: 'helpdesk' }));
    expect(requireTenantPermission).toHaveBeenCalledWith('123456.sms', 'users.manage');
    expect(operations.createUser).toHaveBeenCalledWith(access, expect.objectContaining({ username: 'admin', locale: 'de' }));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { username: ['users.errors.username_taken'] }, values: { username: 'admin' } });
  });

  test('a role outside the enum is refused', async () => {
    const state = await createUserAction('123456.sms', { status: 'idle' }, form({ username: 'x', email: 'x@example.test', role: 'owner' }));
    expect(state.fieldErrors).toMatchObject({ role: ['users.validation.role'] });
    expect(operations.createUser).not.toHaveBeenCalled();
  });

  test('delete profile checks configurations.manage and needs a profile id', async () => {
    const url = await redirectedTo(deleteProfileAction('123456.sms', form({ profileId: 'not-a-uuid' })));
    expect(requireTenantPermission).toHaveBeenCalledWith('123456.sms', 'configurations.manage');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ failed: 'profile_not_found' });
    expect(url.pathname).toBe('/tenant/123456.sms/configurations');
    expect(operations.deleteConfigurationProfile).not.toHaveBeenCalled();
  });
});
