import { permissionsFor, CUSTOMER_PERMISSIONS, RESELLER_PERMISSIONS } from '@/lib/access/permissions';

describe('role to permission mapping', () => {
  test('a customer admin gets every customer permission and no reseller one', () => {
    expect([...permissionsFor('admin', 'customer')].sort()).toEqual([...CUSTOMER_PERMISSIONS].sort());
    expect(permissionsFor('admin', 'customer').has('licenses.manage')).toBe(false);
  });

  test('a reseller admin gets every reseller permission', () => {
    expect([...permissionsFor('admin', 'reseller')].sort()).toEqual([...RESELLER_PERMISSIONS].sort());
  });

  test('helpdesk may send password resets and manage configurations but not users or audit', () => {
    const helpdesk = permissionsFor('helpdesk', 'customer');
    expect(helpdesk.has('users.send_password_reset')).toBe(true);
    expect(helpdesk.has('configurations.manage')).toBe(true);
    expect(helpdesk.has('users.manage')).toBe(false);
    expect(helpdesk.has('audit.view')).toBe(false);
  });

  test('auditor reads, including the audit log, and changes nothing', () => {
    const auditor = permissionsFor('auditor', 'customer');
    expect(auditor.has('audit.view')).toBe(true);
    expect([...auditor].filter((permission) => permission.endsWith('.manage'))).toEqual([]);
    expect(auditor.has('users.reset_two_factor')).toBe(false);
  });

  test('reseller-only permissions never apply inside a customer tenant, whatever the role', () => {
    for (const role of ['admin', 'helpdesk', 'auditor'] as const) {
      const inCustomer = permissionsFor(role, 'customer');
      expect(inCustomer.has('customers.view')).toBe(false);
      expect(inCustomer.has('compliance.view')).toBe(false);
    }
  });
});
