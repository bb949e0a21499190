import 'server-only';
import { randomBytes } from 'node:crypto';
import { getDb } from '@/db/client';
import { licenses } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { createCustomerTenant } from './allocate-tenant-domain';
import { lockResellerCustomer } from './find-reseller-customer';
import { auditInBothTenants, denyForeignObject, requireResellerScope } from './reseller-scope';
import type { CreateLicenseInput } from './license-input';

const KEY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** e.g. `MSP-7KQ2-…` : 20 characters of a 32-letter alphabet (100 bits), grouped for reading aloud. */
export function generateLicenseKey(): string {
  const bytes = randomBytes(20);
  const characters = Array.from(bytes, (byte) => KEY_ALPHABET[byte % 32]).join('');
  return `MSP-${characters.match(/.{4}/g)!.join('-')}`;
}

export type CreatedLicense = { licenseId: string; customerId: string; customerTenantDomain: string; isNewCustomer: boolean };

/**
 * "Create license" for an existing customer of this reseller or, in the same transaction, a
 * new customer. The license belongs to the customer (tenant_id) and the reseller
 * (reseller_tenant_id); audited in both tenants (`customer.created`, `license.created`).
 */
export async function createLicense(access: TenantAccess, input: CreateLicenseInput & { clientAddress: string }): Promise<CreatedLicense> {
  const { resellerTenantId } = requireResellerScope(access, 'licenses.manage');
  const result = await getDb().transaction(async (tx) => {
    let customer: { id: string; tenantDomain: string; name: string };
    const isNewCustomer = input.customerMode === 'new';
    if (isNewCustomer) {
      customer = await createCustomerTenant(tx, { resellerTenantId, name: input.customerName!.trim(), contactEmail: input.contactEmail!.trim() });
      await auditInBothTenants(tx, access, input.clientAddress, { action: 'customer.created', customerTenantId: customer.id, customerTenantDomain: customer.tenantDomain, customerName: customer.name });
    } else {
      const found = await lockResellerCustomer(tx, resellerTenantId, input.customerId ?? '');
      if (!found) return null;
      customer = found;
    }
    const [license] = await tx
      .insert(licenses)
      .values({
        tenantId: customer.id,
        resellerTenantId,
        type: input.type,
        deviceCount: input.deviceCount,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        licenseKey: generateLicenseKey(),
      })
      .returning({ id: licenses.id });
    await auditInBothTenants(tx, access, input.clientAddress, {
      action: 'license.created',
      customerTenantId: customer.id,
      customerTenantDomain: customer.tenantDomain,
      customerName: customer.name,
      details: { licenseId: license!.id, type: input.type, deviceCount: input.deviceCount, validUntil: input.validUntil.toISOString() },
    });
    return { licenseId: license!.id, customerId: customer.id, customerTenantDomain: customer.tenantDomain, isNewCustomer };
  });
  if (!result) return denyForeignObject(access, input.clientAddress, 'customer', input.customerId ?? '', 'customer_not_found');
  return result;
}

