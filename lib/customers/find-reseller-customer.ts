import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '@/db/client';
import { tenants } from '@/db/schema';
import { isUuid } from '@/lib/uuid';

export type ResellerCustomer = { id: string; name: string; tenantDomain: string; contactEmail: string | null };

/** A customer id from the client, re-read together with the acting reseller (locked for the change). */
export async function lockResellerCustomer(executor: DbExecutor, resellerTenantId: string, customerId: string): Promise<ResellerCustomer | null> {
  if (!isUuid(customerId)) return null;
  const [row] = await executor
    .select({ id: tenants.id, name: tenants.name, tenantDomain: tenants.tenantDomain, contactEmail: tenants.contactEmail })
    .from(tenants)
    .where(and(eq(tenants.id, customerId), eq(tenants.kind, 'customer'), eq(tenants.resellerId, resellerTenantId)))
    .for('update');
  return row ?? null;
}
