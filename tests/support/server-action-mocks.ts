// What every unit test of server actions stands in for: the request context (each test sets the
// access layer's answer), Next's cache and navigation (tests/support/next-navigation-mock.ts) and
// the request's locale. Import this module before the actions under test.

export const requireTenantPermission = jest.fn();

jest.mock('@/app/_server/request-context', () => ({
  requireTenantPermission: (...args: unknown[]) => requireTenantPermission(...args),
  getClientAddress: async () => '192.0.2.1',
}));
jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));
jest.mock('next/navigation', () => jest.requireActual('./next-navigation-mock'));
jest.mock('next-intl/server', () => ({ getLocale: async () => 'de' }));

/** A form post of these fields. */
export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}
