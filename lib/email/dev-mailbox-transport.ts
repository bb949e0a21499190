import 'server-only';
import type { DbExecutor } from '@/db/client';
import { devMailbox } from '@/db/schema';
import type { EmailTransport } from './email-transport';

/**
 * Development without RESEND_API_KEY: the email is written to dev_mailbox (shown at /dev/mailbox).
 * Keyed by outbox id like Resend's idempotency key, so a repeated attempt keeps one message.
 */
export function createDevMailboxTransport(getExecutor: () => DbExecutor): EmailTransport {
  return {
    name: 'dev-mailbox',
    async send(email) {
      await getExecutor()
        .insert(devMailbox)
        .values({
          outboxId: email.outboxId,
          tenantId: email.tenantId,
          toAddress: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
        })
        .onConflictDoNothing({ target: devMailbox.outboxId });
      return { outcome: 'sent', providerMessageId: `dev-mailbox/${email.outboxId}` };
    },
  };
}
