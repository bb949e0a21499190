import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for the part of Resend's API the `resend` SDK uses to send (POST /emails with
// `Authorization: Bearer`, JSON body, optional `Idempotency-Key` header; answers `{ id }`).
// Like the real service it answers a repeated idempotency key with the first result instead of
// sending again. GET /__captured lists accepted emails (for browser tests: tests/e2e/support/sent-emails.ts).

export type FakeResendBehaviour =
  | { kind: 'ok' }
  | { kind: 'rate_limited'; retryAfterSeconds?: number }
  | { kind: 'server_error' }
  | { kind: 'invalid_recipient' }
  | { kind: 'hang' };

export type CapturedEmail = {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  receivedAt: string;
};

export type FakeResendServer = {
  url: string;
  /** Accepted emails, each once however often it was retried. */
  captured: CapturedEmail[];
  /** Every POST /emails the fake received, including rejected and repeated ones. */
  requestCount: () => number;
  /** The next requests behave like this, in order; afterwards `setDefault` applies. */
  enqueueBehaviours: (...behaviours: FakeResendBehaviour[]) => void;
  setDefault: (behaviour: FakeResendBehaviour) => void;
  reset: () => void;
  close: () => Promise<void>;
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export async function startFakeResendServer(): Promise<FakeResendServer> {
  const captured: CapturedEmail[] = [];
  const byKey = new Map<string, { bodyHash: string; id: string }>();
  let queue: FakeResendBehaviour[] = [];
  let fallback: FakeResendBehaviour = { kind: 'ok' };
  let requests = 0;

  async function handleSend(request: IncomingMessage, response: ServerResponse): Promise<void> {
    requests += 1;
    const raw = await readBody(request);
    if (!request.headers.authorization?.startsWith('Bearer ')) {
      sendJson(response, 401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' });
      return;
    }
    const behaviour = queue.shift() ?? fallback;
    if (behaviour.kind === 'hang') return; // Never answers; the client's timeout must act.
    if (behaviour.kind === 'server_error') {
      sendJson(response, 500, { statusCode: 500, name: 'internal_server_error', message: 'Internal server error' });
      return;
    }
    if (behaviour.kind === 'invalid_recipient') {
      sendJson(response, 422, { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field' });
      return;
    }
    if (behaviour.kind === 'rate_limited') {
      const headers: Record<string, string> = behaviour.retryAfterSeconds ? { 'retry-after': String(behaviour.retryAfterSeconds) } : {};
      sendJson(response, 429, { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' }, headers);
      return;
    }
    const body = JSON.parse(raw) as { from: string; to: string | string[]; subject: string; html?: string; text?: string };
    const key = typeof request.headers['idempotency-key'] === 'string' ? request.headers['idempotency-key'] : null;
    const bodyHash = createHash('sha256').update(raw).digest('hex');
    const earlier = key ? byKey.get(key) : undefined;
    if (earlier) {
      if (earlier.bodyHash !== bodyHash) {
        sendJson(response, 409, { statusCode: 409, name: 'invalid_idempotent_request', message: 'Same key, different payload' });
        return;
      }
      sendJson(response, 200, { id: earlier.id });
      return;
    }
    const id = randomUUID();
    if (key) byKey.set(key, { bodyHash, id });
    captured.push({
      id,
      idempotencyKey: key,
      from: body.from,
      to: Array.isArray(body.to) ? body.to : [body.to],
      subject: body.subject,
      html: body.html ?? '',
      text: body.text ?? '',
      receivedAt: new Date().toISOString(),
    });
    sendJson(response, 200, { id });
  }

  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method === 'POST' && path === '/emails') {
      handleSend(request, response).catch(() => sendJson(response, 400, { statusCode: 400, name: 'validation_error', message: 'Bad body' }));
      return;
    }
    if (request.method === 'GET' && path === '/__captured') {
      sendJson(response, 200, { emails: captured });
      return;
    }
    sendJson(response, 404, { statusCode: 404, name: 'not_found', message: 'Not found' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    captured,
    requestCount: () => requests,
    enqueueBehaviours: (...behaviours) => {
      queue.push(...behaviours);
    },
    setDefault: (behaviour) => {
      fallback = behaviour;
    },
    reset: () => {
      captured.length = 0;
      byKey.clear();
      queue = [];
      fallback = { kind: 'ok' };
      requests = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
