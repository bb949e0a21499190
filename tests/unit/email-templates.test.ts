import type { EmailMessage } from '@/lib/email/email-types';
import { createEmailTranslator } from '@/lib/email/email-translator';
import { renderEmail } from '@/lib/email/render-email';

// React Email's render cannot run under jest; see tests/support/react-email-static-render.ts.
jest.mock('@react-email/components', () =>
  jest.requireActual<typeof import('../support/react-email-static-render')>('../support/react-email-static-render').reactEmailWithStaticRender(),
);

const account = { username: 'anna', tenantDomain: '123456.sms' };

const EXAMPLES: EmailMessage[] = [
  { template: 'password_reset', payload: { ...account, resetUrl: 'https://portal.test/reset-password/abc', expiresInMinutes: 60 } },
  { template: 'two_factor_activation', payload: { ...account, activationUrl: 'https://portal.test/activate/def', expiresInHours: 24 } },
  { template: 'two_factor_activated', payload: { ...account, reportUrl: 'https://portal.test/report/ghi' } },
  { template: 'two_factor_replaced', payload: { ...account, reportUrl: 'https://portal.test/report/mno' } },
  {
    template: 'two_factor_change_reported',
    payload: { ...account, reportedAccount: 'helpdesk@123456.sms', usersUrl: 'https://portal.test/tenant/123456.sms/users' },
  },
  { template: 'password_changed', payload: account },
  { template: 'recovery_code_used', payload: { ...account, remainingCodes: 3 } },
  { template: 'two_factor_reset_by_admin', payload: { ...account, resetBy: 'reseller.admin' } },
  {
    template: 'account_locked',
    payload: { ...account, cause: 'password', lockedAt: '2026-11-05T14:03:00.000Z', lockedUntil: '2026-11-05T14:04:00.000Z', ipAddress: '203.0.113.9' },
  },
  {
    template: 'user_invitation',
    payload: { ...account, activationUrl: 'https://portal.test/activate/jkl', expiresInHours: 24, invitedBy: 'admin' },
  },
  {
    template: 'license_expiry_reminder',
    payload: {
      resellerName: 'Demo Reseller GmbH',
      customerName: 'Alpha Logistik GmbH',
      customerTenantDomain: '123456.sms',
      licenseType: 'mdm',
      validUntil: '2026-12-31',
      daysBefore: 30,
    },
  },
];

function linkOf(message: EmailMessage): string | undefined {
  const payload = message.payload as Record<string, unknown>;
  return [payload.resetUrl, payload.activationUrl, payload.reportUrl, payload.usersUrl].find((value) => typeof value === 'string') as
    | string
    | undefined;
}

describe('email templates', () => {
  it.each(EXAMPLES.flatMap((message) => (['en', 'de'] as const).map((locale) => [message.template, locale, message] as const)))(
    '%s in %s has a subject, an HTML part and a plain-text part with the link',
    async (_template, locale, message) => {
      const email = await renderEmail(message, locale);
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.html).toContain(`lang="${locale}"`);
      expect(email.html).toContain('Mobile Security Portal');
      expect(email.text).toContain('Mobile Security Portal');
      expect(email.text).not.toContain('<');
      const link = linkOf(message);
      if (link) {
        expect(email.html).toContain(`href="${link}"`);
        expect(email.text).toContain(link);
      }
      // No external images or fonts.
      expect(email.html).not.toMatch(/<img|@import|fonts\.googleapis/);
      expect(email.html).not.toMatch(/Securepoint|Unified Security|\bUSP\b/i);
    },
  );

  it('writes German texts for a German recipient and English for an English one', async () => {
    const [reset] = EXAMPLES;
    const german = await renderEmail(reset!, 'de');
    const english = await renderEmail(reset!, 'en');
    expect(german.subject).toBe('Passwort zurücksetzen');
    expect(german.text).toContain('60 Minuten gültig');
    expect(english.subject).toBe('Reset your password');
    expect(english.text).toContain('valid for 60 minutes');
  });

  it('escapes names instead of turning them into markup', async () => {
    const email = await renderEmail(
      { template: 'two_factor_reset_by_admin', payload: { ...account, resetBy: '<script>alert(1)</script>' } },
      'en',
    );
    expect(email.html).not.toContain('<script>alert(1)</script>');
    expect(email.html).toContain('&lt;script&gt;');
  });

  it('formats plurals, exact matches and dates per language', async () => {
    const en = createEmailTranslator('en');
    const de = createEmailTranslator('de');
    expect(en('recoveryCodeUsed.remaining', { count: 0 })).toMatch(/^No recovery codes are left/);
    expect(en('recoveryCodeUsed.remaining', { count: 1 })).toBe('1 recovery code is left.');
    expect(de('passwordReset.validity', { minutes: 1200 })).toContain('1.200 Minuten');
    expect(en('passwordReset.validity', { minutes: 1200 })).toContain('1,200 minutes');
    const reminder = await renderEmail(EXAMPLES.find((message) => message.template === 'license_expiry_reminder')!, 'de');
    expect(reminder.subject).toBe('Lizenz von Alpha Logistik GmbH läuft am 31. Dezember 2026 ab');
    expect(reminder.text).toContain('MDM-Lizenz');
    expect(reminder.text).toContain('in 30 Tagen');
  });

  it('tells the owner of a locked account when (in UTC), from which address, and what to do', async () => {
    const locked = EXAMPLES.find((message) => message.template === 'account_locked')!;
    const english = await renderEmail(locked, 'en');
    expect(english.text).toContain('after 10 wrong passwords in a row');
    expect(english.text).toContain('Locked on November 5, 2026 at 2:03 PM until November 5, 2026 at 2:04 PM (UTC)');
    expect(english.text).toContain('203.0.113.9');
    const german = await renderEmail({ ...locked, payload: { ...locked.payload, cause: 'two_factor_code' } } as EmailMessage, 'de');
    expect(german.text).toContain('nach 10 falschen Authentifizierungscodes in Folge gesperrt');
    expect(german.text).toContain('Gesperrt am 5. November 2026 um 14:03 bis 5. November 2026 um 14:04 (UTC)');
  });

  it('fails loudly when a key or a value is missing rather than sending a broken text', () => {
    const en = createEmailTranslator('en');
    expect(() => en('greeting', {})).toThrow(/name/);
    expect(() => en('noSuchMessage')).toThrow(/noSuchMessage/);
  });
});
