import type { Locale } from '@/lib/i18n/locales';
import type { EmailMessage } from '../email-types';
import type { EmailTranslator } from '../email-translator';

/** What one email says, independent of its layout (HTML and plain text come from the same content). */
export type EmailContent = {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  afterAction: string[];
  footer: string;
};

function formatDate(value: string, locale: Locale): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  // License validity is a calendar day in UTC (see i18n/request.ts).
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Date and time in UTC: the lock email names the moment, whatever the reader's time zone. */
function formatDateTime(value: string, locale: Locale): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date);
}

export function buildEmailContent(message: EmailMessage, t: EmailTranslator, locale: Locale): EmailContent {
  if (message.template === 'license_expiry_reminder') {
    const p = message.payload;
    const values = {
      ...p,
      validUntil: formatDate(p.validUntil, locale),
      days: p.daysBefore,
      licenseType: t(`licenseExpiryReminder.licenseTypes.${p.licenseType}`),
    };
    return {
      subject: t('licenseExpiryReminder.subject', values),
      greeting: t('greeting', { name: p.resellerName }),
      paragraphs: [t('licenseExpiryReminder.intro', values), t('licenseExpiryReminder.advice')],
      afterAction: [],
      footer: t('licenseExpiryReminder.footer', values),
    };
  }

  const account = { username: message.payload.username, tenantDomain: message.payload.tenantDomain };
  const common = { greeting: t('greeting', { name: account.username }), footer: t('footer', account) };
  switch (message.template) {
    case 'password_reset':
      return {
        ...common,
        subject: t('passwordReset.subject'),
        paragraphs: [t('passwordReset.intro', account)],
        action: { label: t('passwordReset.action'), url: message.payload.resetUrl },
        afterAction: [t('passwordReset.validity', { minutes: message.payload.expiresInMinutes }), t('ignoreIfUnexpected')],
      };
    case 'two_factor_activation':
      return {
        ...common,
        subject: t('twoFactorActivation.subject'),
        paragraphs: [t('twoFactorActivation.intro', account)],
        action: { label: t('twoFactorActivation.action'), url: message.payload.activationUrl },
        afterAction: [t('singleUseHours', { hours: message.payload.expiresInHours }), t('ignoreIfUnexpected')],
      };
    case 'two_factor_activated':
    case 'two_factor_replaced': {
      const key = message.template === 'two_factor_activated' ? 'twoFactorActivated' : 'twoFactorReplaced';
      return {
        ...common,
        subject: t(`${key}.subject`),
        paragraphs: [t(`${key}.intro`, account), t('twoFactorActivated.report')],
        action: { label: t('twoFactorActivated.action'), url: message.payload.reportUrl },
        afterAction: [t('twoFactorActivated.reportEffect')],
      };
    }
    case 'two_factor_change_reported': {
      const values = { reportedAccount: message.payload.reportedAccount };
      return {
        ...common,
        subject: t('twoFactorChangeReported.subject', values),
        paragraphs: [t('twoFactorChangeReported.intro', values), t('twoFactorChangeReported.advice')],
        action: { label: t('twoFactorChangeReported.action'), url: message.payload.usersUrl },
        afterAction: [],
      };
    }
    case 'password_changed':
      return {
        ...common,
        subject: t('passwordChanged.subject'),
        paragraphs: [t('passwordChanged.intro', account), t('notYou')],
        afterAction: [],
      };
    case 'recovery_code_used':
      return {
        ...common,
        subject: t('recoveryCodeUsed.subject'),
        paragraphs: [
          t('recoveryCodeUsed.intro', account),
          t('recoveryCodeUsed.remaining', { count: message.payload.remainingCodes }),
          t('notYou'),
        ],
        afterAction: [],
      };
    case 'two_factor_reset_by_admin':
      return {
        ...common,
        subject: t('twoFactorResetByAdmin.subject'),
        paragraphs: [t('twoFactorResetByAdmin.intro', { ...account, resetBy: message.payload.resetBy }), t('notYou')],
        afterAction: [],
      };
    case 'account_locked': {
      const p = message.payload;
      const isCode = p.cause === 'two_factor_code';
      return {
        ...common,
        subject: t('accountLocked.subject'),
        paragraphs: [
          t(isCode ? 'accountLocked.introCode' : 'accountLocked.introPassword', account),
          t('accountLocked.when', { lockedAt: formatDateTime(p.lockedAt, locale), lockedUntil: formatDateTime(p.lockedUntil, locale), ipAddress: p.ipAddress }),
          t(isCode ? 'accountLocked.adviceCode' : 'accountLocked.advicePassword'),
        ],
        afterAction: [],
      };
    }
    case 'user_invitation':
      return {
        ...common,
        subject: t('userInvitation.subject'),
        paragraphs: [t('userInvitation.intro', { ...account, invitedBy: message.payload.invitedBy })],
        action: { label: t('userInvitation.action'), url: message.payload.activationUrl },
        afterAction: [t('singleUseHours', { hours: message.payload.expiresInHours }), t('ignoreIfUnexpected')],
      };
  }
}
