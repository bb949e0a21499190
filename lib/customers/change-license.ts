import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type DbTransaction } from '@/db/client';
import { licenses } from '@/db/schema';
import type { TenantAccess } from '@/lib/access/tenant-access';
import type { AuditAction } from '@/lib/audit/record-audit-event';
import { CustomerManagementError } from './customer-errors';
import { auditInBothTenants, denyForeignObject, requireResellerScope } from './reseller-scope';
import { lockResellerLicense, type ResellerLicense } from './find-reseller-license';

const NOT_FOUND = Symbol('not_found');

async function changeLicense(
  access: TenantAccess,
  input: { licenseId: string; clientAddress: string; action: AuditAction },
  change: (tx: DbTransaction, license: ResellerLicense) => Promise<Record<string, string>>,
): Promise<void> {
  const { resellerTenantId } = requireResellerScope(access, 'licenses.manage');
  const outcome = await getDb().transaction(async (tx) => {
    const license = await lockResellerLicense(tx, resellerTenantId, input.licenseId);
    if (!license) return NOT_FOUND;
    if (license.revokedAt) throw new CustomerManagementError('license_revoked');
    const details = await change(tx, license);
    await auditInBothTenants(tx, access, input.clientAddress, {
      action: input.action,
      customerTenantId: license.customerId,
      customerTenantDomain: license.customerTenantDomain,
      customerName: license.customerName,
      details: { licenseId: license.id, ...details },
    });
    return null;
  });
  if (outcome === NOT_FOUND) await denyForeignObject(access, input.clientAddress, 'license', input.licenseId, 'license_not_found');
}

/** Extend: a later end date only (shortening is a revoke); a revoked license stays revoked. */
export async function extendLicense(access: TenantAccess, input: { licenseId: string; validUntil: Date; clientAddress: string }): Promise<void> {
  await changeLicense(access, { ...input, action: 'license.extended' }, async (tx, license) => {
    if (input.validUntil.getTime() <= license.validUntil.getTime()) throw new CustomerManagementError('not_later');
    await tx.update(licenses).set({ validUntil: input.validUntil, updatedAt: sql`now()` }).where(eq(licenses.id, license.id));
    return { previousValidUntil: license.validUntil.toISOString(), validUntil: input.validUntil.toISOString() };
  });
}

/** Revoke: effective at once; the access layer refuses the reseller's next request into the customer. */
export async function revokeLicense(access: TenantAccess, input: { licenseId: string; clientAddress: string }): Promise<void> {
  await changeLicense(access, { ...input, action: 'license.revoked' }, async (tx, license) => {
    await tx.update(licenses).set({ revokedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(licenses.id, license.id));
    return {};
  });
}
