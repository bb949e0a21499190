import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getDevMailboxMessage } from '@/lib/email/list-dev-mailbox';

// Development only (production answers 404, so no sign-in): the rendered email as its own document
// ("open on its own" on the message page). Emails need inline styles; this response asks for its
// own strict policy (no script at all, inline styles and data: images only). Note: proxy.ts
// currently replaces this header with the app's policy (development's allows inline styles, and
// it allows no script without the nonce), which is why the message page frames the email via srcdoc.
export const dynamic = 'force-dynamic';

const EMAIL_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  if (process.env.NODE_ENV === 'production') notFound();
  const parsed = z.uuid().safeParse((await context.params).id);
  if (!parsed.success) notFound();
  const message = await getDevMailboxMessage(getDb(), parsed.data);
  if (!message) notFound();
  return new Response(message.html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': EMAIL_CSP,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
