import { NextRequest } from 'next/server';
import { parseForm } from '@/lib/forms/parse-form';
import { rejectMalformedRequest } from '@/lib/http/reject-malformed-request';
import { z } from 'zod';

// Issue 14.7: a fetch-style server-action call (Next-Action header) with a broken text/plain
// body answered 500. Our actions are only ever called by forms, whose data React sends as
// multipart/form-data; anything else is refused before Next decodes it.

const ORIGIN = 'http://portal.example:3000';

function actionCall(body: BodyInit, contentType: string) {
  return new NextRequest(`${ORIGIN}/login`, {
    method: 'POST',
    headers: { host: 'portal.example:3000', origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'next-action': 'a'.repeat(42), 'content-type': contentType },
    body,
  });
}

describe('rejectMalformedRequest and server-action calls', () => {
  it.each([
    ['broken bytes', Buffer.from([0x61, 0x80, 0xff, 0x00])],
    ['unterminated JSON', '{"broken'],
    ['JSON that is no array', '{"role":"admin"}'],
    ['a number', '42'],
    ['nothing', ''],
    ['a reference to a part that a text body cannot have', '["$1"]'],
    ['a nested reference', '[{"a":["$Q1"]}]'],
  ])('refuses a text/plain body of %s with 400', async (_name, body) => {
    const answer = await rejectMalformedRequest(actionCall(body as BodyInit, 'text/plain;charset=UTF-8'));
    expect(answer?.status).toBe(400);
  });

  it('refuses an url-encoded body of anything but an array', async () => {
    expect((await rejectMalformedRequest(actionCall('a=b', 'application/x-www-form-urlencoded')))?.status).toBe(400);
  });

  it('lets the arguments of an action without parameters through, and plain values (an escaped "$" too)', async () => {
    expect(await rejectMalformedRequest(actionCall('[]', 'text/plain;charset=UTF-8'))).toBeNull();
    expect(await rejectMalformedRequest(actionCall('["x", null, 3, {"a": "$$5"}]', 'text/plain;charset=UTF-8'))).toBeNull();
  });

  it('refuses a multipart call whose arguments name parts that are not there, or are no JSON array', async () => {
    for (const root of ['["$1"]', '["$Q1"]', '"$@1"', 'not json', '["$B1"]', '42']) {
      const form = new FormData();
      form.append('0', root);
      const request = new NextRequest(`${ORIGIN}/login`, {
        method: 'POST',
        headers: { host: 'portal.example:3000', origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'next-action': 'a'.repeat(42) },
        body: form,
      });
      expect({ root, status: (await rejectMalformedRequest(request))?.status }).toEqual({ root, status: 400 });
    }
  });

  it('refuses a form posted without JavaScript whose $ACTION fields are forged', async () => {
    const reference = JSON.stringify({ id: 'a'.repeat(42), bound: '$@1' });
    const cases: Record<string, string>[] = [
      { '$ACTION_1:0': reference, '$ACTION_1:1': 'not json' },
      { '$ACTION_1:0': JSON.stringify({ id: 'a'.repeat(42), bound: '$Q9' }), '$ACTION_1:1': '[]' },
      { '$ACTION_1:0': JSON.stringify({ id: 'a'.repeat(42), bound: '$@7' }), '$ACTION_1:1': '[]' },
      { '$ACTION_1:0': reference, '$ACTION_1:1': '["$1"]' },
    ];
    for (const fields of cases) {
      const form = new FormData();
      for (const [name, value] of Object.entries({ '$ACTION_REF_1': '', ...fields, code: '123456' })) form.append(name, value);
      const request = new NextRequest(`${ORIGIN}/login/code`, { method: 'POST', headers: { host: 'portal.example:3000', origin: ORIGIN }, body: form });
      expect({ fields, status: (await rejectMalformedRequest(request))?.status }).toEqual({ fields, status: 400 });
    }
    const legit = new FormData();
    for (const [name, value] of Object.entries({ '$ACTION_REF_1': '', '$ACTION_1:0': reference, '$ACTION_1:1': '[{"status":"idle"}]', code: '123456' })) legit.append(name, value);
    expect(await rejectMalformedRequest(new NextRequest(`${ORIGIN}/login/code`, { method: 'POST', headers: { host: 'portal.example:3000', origin: ORIGIN }, body: legit }))).toBeNull();
  });

  it("lets a form's multipart call through to the action", async () => {
    const form = new FormData();
    form.append('0', '[{"status":"idle"},"$K1"]');
    const request = new NextRequest(`${ORIGIN}/login`, {
      method: 'POST',
      headers: { host: 'portal.example:3000', origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'next-action': 'a'.repeat(42) },
      body: form,
    });
    expect(await rejectMalformedRequest(request)).toBeNull();
  });
});

describe('parseForm with something that is not form data', () => {
  it('answers with the form error instead of throwing (a forged multipart call can pass any argument)', () => {
    const schema = z.strictObject({ code: z.string().min(1, 'validation.required') });
    for (const forged of [undefined, null, 'x', { code: '123456' }]) {
      expect(parseForm(schema, forged as unknown as FormData, [])).toMatchObject({ ok: false, state: { status: 'error' } });
    }
  });
});

describe('rejectMalformedRequest and other POST bodies (issue 11)', () => {
  it('leaves a body that is neither multipart nor a server-action call unread, when its length is declared', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new TextEncoder().encode('csrf=abcd'));
        controller.close();
      },
      // No pull until someone reads.
    }, { highWaterMark: 0 });
    const request = new NextRequest(`${ORIGIN}/api/auth/signout`, {
      method: 'POST',
      headers: { host: 'portal.example:3000', origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'content-length': '9' },
      body,
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1]);
    expect(await rejectMalformedRequest(request)).toBeNull();
    expect(pulls).toBe(0);
    expect(await request.text()).toBe('csrf=abcd');
  });

  it('still reads a body of undeclared length, so an oversized one is refused with 413', async () => {
    const chunks = [new Uint8Array(700 * 1024), new Uint8Array(700 * 1024)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const request = new NextRequest(`${ORIGIN}/api/auth/signout`, {
      method: 'POST',
      headers: { host: 'portal.example:3000', origin: ORIGIN, 'content-type': 'application/octet-stream' },
      body,
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1]);
    expect((await rejectMalformedRequest(request))?.status).toBe(413);
  });
});
