import 'server-only';
import { and, eq, gt, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbExecutor } from '@/db/client';
import { licenses } from '@/db/schema';

export type LicenseState = 'valid' | 'expired' | 'not_yet_valid' | 'revoked';

type LicenseDates = { validFrom: Date; validUntil: Date; revokedAt: Date | null };

const DAY_MS = 24 * 60 * 60 * 1000;

/** A license is valid from `validFrom` (inclusive) to `validUntil` (exclusive), unless revoked. */
export function describeLicenseState(license: LicenseDates, now: Date = new Date()): {
  state: LicenseState;
  daysRemaining: number | null;
} {
  if (license.revokedAt) return { state: 'revoked', daysRemaining: null };
  if (license.validFrom.getTime() > now.getTime()) return { state: 'not_yet_valid', daysRemaining: null };
  if (license.validUntil.getTime() <= now.getTime()) return { state: 'expired', daysRemaining: null };
  return { state: 'valid', daysRemaining: Math.ceil((license.validUntil.getTime() - now.getTime()) / DAY_MS) };
}

/** SQL condition: this license row is valid at the database's now(). */
export function licenseIsValidNow(): SQL {
  return and(isNull(licenses.revokedAt), lte(licenses.validFrom, sql`now()`), gt(licenses.validUntil, sql`now()`))!;
}

export async function hasValidLicense(tenantId: string, executor: DbExecutor = getDb()): Promise<boolean> {
  const rows = await executor
    .select({ id: licenses.id })
    .from(licenses)
    .where(and(eq(licenses.tenantId, tenantId), licenseIsValidNow()))
    .limit(1);
  return rows.length > 0;
}
