import type { LicenseType } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';

// Every email the portal sends, with the data its template needs. Links are absolute and
// built from PUBLIC_BASE_URL (never from the Host header).
export type EmailMessage =
  | { template: 'password_reset'; payload: { username: string; tenantDomain: string; resetUrl: string; expiresInMinutes: number } }
  | { template: 'two_factor_activation'; payload: { username: string; tenantDomain: string; activationUrl: string; expiresInHours: number } }
  | { template: 'two_factor_activated'; payload: { username: string; tenantDomain: string; reportUrl: string } }
  | { template: 'two_factor_replaced'; payload: { username: string; tenantDomain: string; reportUrl: string } }
  | {
      template: 'two_factor_change_reported';
      /** To an administrator (username, tenantDomain: theirs); reportedAccount: `user@tenant domain`. */
      payload: { username: string; tenantDomain: string; reportedAccount: string; usersUrl: string };
    }
  | { template: 'password_changed'; payload: { username: string; tenantDomain: string } }
  | { template: 'recovery_code_used'; payload: { username: string; tenantDomain: string; remainingCodes: number } }
  | { template: 'two_factor_reset_by_admin'; payload: { username: string; tenantDomain: string; resetBy: string } }
  | {
      template: 'account_locked';
      payload: {
        username: string;
        tenantDomain: string;
        cause: 'password' | 'two_factor_code';
        /** ISO timestamps; shown in UTC. */
        lockedAt: string;
        lockedUntil: string;
        ipAddress: string;
      };
    }
  | {
      template: 'user_invitation';
      payload: { username: string; tenantDomain: string; activationUrl: string; expiresInHours: number; invitedBy: string };
    }
  | {
      template: 'license_expiry_reminder';
      payload: {
        resellerName: string;
        customerName: string;
        customerTenantDomain: string;
        licenseType: LicenseType;
        validUntil: string;
        daysBefore: number;
      };
    };

export type EmailTemplate = EmailMessage['template'];

export type EnqueueEmailInput = EmailMessage & {
  /** The tenant the email belongs to (the recipient's tenant). */
  tenantId: string;
  userId?: string | null;
  to: string;
  locale: Locale;
  /** When the link inside dies: an email not sent by then is skipped, not sent late. */
  expiresAt?: Date;
};
