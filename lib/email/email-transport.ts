/** One rendered email, ready for a transport. */
export type OutgoingEmail = {
  /** The outbox row id: Resend's idempotency key and the dev mailbox's unique key. */
  outboxId: string;
  tenantId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
};

export type SendResult =
  | { outcome: 'sent'; providerMessageId: string }
  | { outcome: 'retry'; error: string; retryAfterMs?: number }
  | { outcome: 'reject'; error: string };

export type EmailTransport = {
  name: string;
  send: (email: OutgoingEmail) => Promise<SendResult>;
};
