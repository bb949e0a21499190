// Emails the app sent during the browser suite, read from the fake Resend server that the global
// setup starts (E2E_FAKE_RESEND_URL). The app's outbox worker polls every 250 ms there.

export type SentEmail = { subject: string; html: string; text: string; links: string[] };

type CapturedEmail = { to: string[]; subject: string; html: string; text: string; receivedAt: string };

function fakeResendUrl(): string {
  const url = process.env.E2E_FAKE_RESEND_URL;
  if (!url) throw new Error('E2E_FAKE_RESEND_URL is not set: run through the e2e jest config (global setup)');
  return url;
}

export async function listSentEmails(): Promise<CapturedEmail[]> {
  const response = await fetch(`${fakeResendUrl()}/__captured`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`GET /__captured answered ${response.status}`);
  const body = (await response.json()) as { emails: CapturedEmail[] };
  return body.emails;
}

function extractLinks(html: string): string[] {
  const links = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
  return [...new Set(links)];
}

/** Waits for the newest email to `to` (and with `subjectIncludes` in its subject, if given). */
export async function waitForEmail(options: { to: string; subjectIncludes?: string; timeoutMs?: number }): Promise<SentEmail> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const to = options.to.toLowerCase();
  for (;;) {
    const match = (await listSentEmails())
      .filter((email) => email.to.some((address) => address.toLowerCase() === to))
      .filter((email) => !options.subjectIncludes || email.subject.includes(options.subjectIncludes))
      .at(-1);
    if (match) return { subject: match.subject, html: match.html, text: match.text, links: extractLinks(match.html) };
    if (Date.now() > deadline) {
      throw new Error(`No email to ${options.to}${options.subjectIncludes ? ` about "${options.subjectIncludes}"` : ''} arrived`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
