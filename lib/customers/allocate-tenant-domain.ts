import 'server-only';
import { randomInt } from 'node:crypto';
import type { DbTransaction } from '@/db/client';
import { tenants } from '@/db/schema';
import { CustomerManagementError } from './customer-errors';

const MAX_ATTEMPTS = 20;

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505';
}

/**
 * Creates a customer tenant with a new six-digit `.sms` domain. Random (crypto.randomInt), not
 * sequential, so a domain says nothing about how many customers exist or which one is next;
 * a collision with an existing domain is retried inside a savepoint, so the caller's
 * transaction survives it.
 */
export async function createCustomerTenant(
  tx: DbTransaction,
  input: { resellerTenantId: string; name: string; contactEmail: string },
): Promise<{ id: string; tenantDomain: string; name: string }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const tenantDomain = `${randomInt(100000, 1000000)}.sms`;
    try {
      return await tx.transaction(async (savepoint) => {
        const [row] = await savepoint
          .insert(tenants)
          .values({ kind: 'customer', tenantDomain, name: input.name, contactEmail: input.contactEmail, resellerId: input.resellerTenantId })
          .returning({ id: tenants.id, tenantDomain: tenants.tenantDomain, name: tenants.name });
        return row!;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new CustomerManagementError('domain_exhausted');
}
