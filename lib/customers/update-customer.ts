import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { tenants } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { lockResellerCustomer } from './find-reseller-customer';
import { auditInBothTenants, denyForeignObject, requireResellerScope } from './reseller-scope';

/** "Edit customer": name and contact email of one of this reseller's customers. */
export async function updateCustomer(
  access: TenantAccess,
  input: { customerId: string; name: string; contactEmail: string; clientAddress: string },
): Promise<void> {
  const { resellerTenantId } = requireResellerScope(access, 'customers.manage');
  const found = await getDb().transaction(async (tx) => {
    const customer = await lockResellerCustomer(tx, resellerTenantId, input.customerId);
    if (!customer) return false;
    await tx.update(tenants).set({ name: input.name, contactEmail: input.contactEmail, updatedAt: sql`now()` }).where(eq(tenants.id, customer.id));
    await auditInBothTenants(tx, access, input.clientAddress, {
      action: 'customer.updated',
      customerTenantId: customer.id,
      customerTenantDomain: customer.tenantDomain,
      customerName: input.name,
      details: { nameChanged: customer.name !== input.name, contactEmailChanged: customer.contactEmail !== input.contactEmail },
    });
    return true;
  });
  if (!found) await denyForeignObject(access, input.clientAddress, 'customer', input.customerId, 'customer_not_found');
}
