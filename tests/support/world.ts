import { createLicense, createTenant, createUser } from './factories';

// The tenants a test needs, declared in one object: resellers by name, customers with their
// reseller and licenses (each license as in createLicense: valid for 30 days unless told).

type Tenant = Awaited<ReturnType<typeof createTenant>>;
type LicenseSpec = Omit<Parameters<typeof createLicense>[0], 'tenantId' | 'resellerTenantId'>;

export async function createWorld<Reseller extends string, Customer extends string = never>(spec: {
  resellers: Record<Reseller, string>;
  customers?: Record<Customer, { of: NoInfer<Reseller>; name: string; licenses?: LicenseSpec[] }>;
}): Promise<Record<Reseller | Customer, Tenant>> {
  const world = {} as Record<Reseller | Customer, Tenant>;
  for (const [key, name] of Object.entries(spec.resellers) as Array<[Reseller, string]>) world[key] = await createTenant({ kind: 'reseller' }, name);
  const customers = Object.entries(spec.customers ?? {}) as Array<[Customer, { of: Reseller; name: string; licenses?: LicenseSpec[] }]>;
  for (const [key, customer] of customers) {
    const reseller = world[customer.of];
    world[key] = await createTenant({ kind: 'customer', resellerId: reseller.id }, customer.name);
    for (const license of customer.licenses ?? []) await createLicense({ tenantId: world[key].id, resellerTenantId: reseller.id, ...license });
  }
  return world;
}

/** The factory's user, plus its tenant id (sessions and access need both). */
export async function addUser(input: Parameters<typeof createUser>[0]) {
  return { ...(await createUser(input)), tenantId: input.tenantId };
}

/** Two resellers; Alpha and Beta (valid) and Expired belong to the first, Foreign to the second; an admin in each but Expired. */
export async function tenantWorld() {
  const tenants = await createWorld({
    resellers: { reseller: 'Reseller One', otherReseller: 'Reseller Two' },
    customers: {
      alpha: { of: 'reseller', name: 'Alpha', licenses: [{}] },
      beta: { of: 'reseller', name: 'Beta', licenses: [{}] },
      expired: { of: 'reseller', name: 'Expired', licenses: [{ validFromDays: -40, validUntilDays: -1 }] },
      foreign: { of: 'otherReseller', name: 'Foreign', licenses: [{}] },
    },
  });
  const alphaAdmin = await addUser({ tenantId: tenants.alpha.id, username: 'admin' });
  const betaAdmin = await addUser({ tenantId: tenants.beta.id, username: 'admin' });
  const resellerAdmin = await addUser({ tenantId: tenants.reseller.id, username: 'reseller.admin', isRspLinked: true });
  const otherResellerAdmin = await addUser({ tenantId: tenants.otherReseller.id, username: 'reseller.admin' });
  return { ...tenants, alphaAdmin, betaAdmin, resellerAdmin, otherResellerAdmin };
}
