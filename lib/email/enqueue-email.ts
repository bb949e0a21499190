import 'server-only';
import type { DbExecutor } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import type { EnqueueEmailInput } from './email-types';

/** Address and language of an email to a user (English when the stored locale is unknown). */
export function recipientOf(user: { email: string; locale: string }): { to: string; locale: Locale } {
  return { to: user.email, locale: isLocale(user.locale) ? user.locale : 'en' };
}

/**
 * Writes an email to the outbox. Call it with the transaction that makes the change the
 * email announces, so both happen or neither does. The payload can hold a link with a
 * token, so it is encrypted, bound to the outbox row id.
 */
export async function enqueueEmail(executor: DbExecutor, input: EnqueueEmailInput): Promise<string> {
  const id = crypto.randomUUID();
  await executor.insert(emailOutbox).values({
    id,
    tenantId: input.tenantId,
    userId: input.userId ?? null,
    toAddress: input.to,
    locale: input.locale,
    template: input.template,
    payloadEncrypted: encryptSecret(JSON.stringify(input.payload), `email:${id}`),
    expiresAt: input.expiresAt ?? null,
  });
  return id;
}
