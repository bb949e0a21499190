import { Resend } from 'resend';
import type { EmailTransport, OutgoingEmail, SendResult } from './email-transport';
import { parseRetryAfterMs } from './outbox-backoff';

export type ResendTransportOptions = {
  apiKey: string;
  from: string;
  /** Defaults to the SDK's own: RESEND_BASE_URL or https://api.resend.com. */
  baseUrl?: string;
  /** A provider that does not answer must not hold the worker (and the row's lease) forever. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 15_000;

function classify(statusCode: number | null, name: string): 'retry' | 'reject' {
  // No status: network error or our timeout (the SDK turns every fetch failure into statusCode null).
  if (statusCode === null) return 'retry';
  if (statusCode === 429 || statusCode === 408 || statusCode >= 500) return 'retry';
  // Another request with the same idempotency key is still running: ask again later.
  if (name === 'concurrent_idempotent_requests') return 'retry';
  return 'reject';
}

export function createResendTransport(options: ResendTransportOptions): EmailTransport {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return {
    name: 'resend',
    async send(email: OutgoingEmail): Promise<SendResult> {
      const response = await resend.emails.send(
        { from: options.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
        // The outbox id as idempotency key: a retry after a crash between sending and marking
        // (lease expired, row claimed again) is answered with the first result, not sent twice.
        { idempotencyKey: `email-outbox/${email.outboxId}`, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (response.data) return { outcome: 'sent', providerMessageId: response.data.id };
      const { statusCode, name, message } = response.error;
      const error = `resend ${statusCode ?? 'network'} ${name}: ${message}`.slice(0, 500);
      if (classify(statusCode, name) === 'reject') return { outcome: 'reject', error };
      const retryAfterMs = parseRetryAfterMs(response.headers?.['retry-after'], new Date());
      return retryAfterMs === undefined ? { outcome: 'retry', error } : { outcome: 'retry', error, retryAfterMs };
    },
  };
}
