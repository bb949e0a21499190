import 'server-only';
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { licenseReminders, licenses, tenants, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { isLocale } from '@/lib/i18n/locales';
import { alias } from 'drizzle-orm/pg-core';

/** Reminders go out this many days before a license ends (issue 4, section 5). */
export const REMINDER_DAYS = [30, 7, 1] as const;

/**
 * One run of the daily reminder job. For each license that is not revoked and ends within
 * 30 days, the smallest threshold it has reached (30, 7 or 1) is claimed in license_reminders;
 * the unique (license_id, days_before) index makes each reminder happen once, also when two
 * instances or two runs race (ON CONFLICT DO NOTHING waits for the other transaction). The
 * claim and the emails to the reseller's active admins are one transaction.
 */
export async function sendLicenseReminders(now: Date = new Date()): Promise<{ remindersSent: number; emailsQueued: number }> {
  const db = getDb();
  const customer = alias(tenants, 'customer');
  const reseller = alias(tenants, 'reseller');
  const due = await db
    .select({
      licenseId: licenses.id,
      type: licenses.type,
      validUntil: licenses.validUntil,
      customerName: customer.name,
      customerTenantDomain: customer.tenantDomain,
      resellerId: reseller.id,
      resellerName: reseller.name,
    })
    .from(licenses)
    .innerJoin(customer, eq(customer.id, licenses.tenantId))
    .innerJoin(reseller, eq(reseller.id, licenses.resellerTenantId))
    .where(and(isNull(licenses.revokedAt), gt(licenses.validUntil, now), lte(licenses.validUntil, new Date(now.getTime() + REMINDER_DAYS[0] * 86_400_000))));

  let remindersSent = 0;
  let emailsQueued = 0;
  for (const license of due) {
    const daysLeft = (license.validUntil.getTime() - now.getTime()) / 86_400_000;
    const daysBefore = [...REMINDER_DAYS].reverse().find((threshold) => daysLeft <= threshold)!;
    emailsQueued += await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(licenseReminders)
        .values({ licenseId: license.licenseId, tenantId: license.resellerId, daysBefore })
        .onConflictDoNothing()
        .returning({ id: licenseReminders.id });
      if (claimed.length === 0) return 0;
      remindersSent += 1;
      const admins = await tx
        .select({ id: users.id, email: users.email, locale: users.locale })
        .from(users)
        .where(and(eq(users.tenantId, license.resellerId), eq(users.role, 'admin'), isNull(users.disabledAt)));
      for (const admin of admins) {
        await enqueueEmail(tx, {
          template: 'license_expiry_reminder',
          tenantId: license.resellerId,
          userId: admin.id,
          to: admin.email,
          locale: isLocale(admin.locale) ? admin.locale : 'en',
          payload: {
            resellerName: license.resellerName,
            customerName: license.customerName,
            customerTenantDomain: license.customerTenantDomain,
            licenseType: license.type,
            validUntil: license.validUntil.toISOString(),
            daysBefore,
          },
        });
      }
      await recordAuditEvent(
        {
          action: 'license.reminder_sent',
          result: 'success',
          tenantId: license.resellerId,
          actorLabel: 'system',
          details: { licenseId: license.licenseId, customer: license.customerTenantDomain, customerName: license.customerName, daysBefore, recipients: admins.length },
        },
        tx,
      );
      return admins.length;
    });
  }
  return { remindersSent, emailsQueued };
}

