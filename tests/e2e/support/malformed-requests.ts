import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { isUuid } from '@/lib/uuid';

// Building blocks of the malformed-input drill: the forms a page serves to browsers without
// JavaScript (React renders the server action as hidden `$ACTION_…` inputs), multipart bodies
// built byte by byte (so they can carry broken UTF-8), and the check every answer must pass.

export type FormField = { name: string; type: string; value: string };

export type DiscoveredForm = {
  /** Where the form was found, and a readable name for reports. */
  label: string;
  /** The page that renders the form, where a no-JS browser posts it (React's forms post to themselves). */
  postPath: string;
  /** React's bookkeeping inputs, sent unchanged so the server finds the action. */
  actionFields: FormField[];
  /** Everything a person (or the page, as hidden inputs) fills in. */
  fields: FormField[];
};

/** Reads every server-action form of a page from the HTML a browser without JavaScript gets. */
export async function discoverForms(options: { page: Page; baseUrl: string; path: string; cookie: string }): Promise<DiscoveredForm[]> {
  const response = await fetch(`${options.baseUrl}${options.path}`, { headers: { cookie: options.cookie }, redirect: 'manual' });
  if (response.status !== 200) throw new Error(`GET ${options.path} answered ${response.status}, expected the page with its forms`);
  const html = await response.text();
  const forms = await options.page.evaluate((source) => {
    const document = new DOMParser().parseFromString(source, 'text/html');
    return [...document.querySelectorAll('form')].map((form, index) => ({
      index,
      heading: form.closest('section, main, dialog, div')?.querySelector('h1, h2, h3, legend')?.textContent?.trim() ?? '',
      button: form.querySelector('button[type="submit"], button:not([type])')?.textContent?.trim() ?? '',
      fields: [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name], select[name], textarea[name]')].map(
        (element) => ({
          name: element.name,
          type: element instanceof HTMLInputElement ? element.type : element.tagName.toLowerCase(),
          value:
            element instanceof HTMLSelectElement
              ? (element.options[element.selectedIndex]?.value ?? element.options[0]?.value ?? '')
              : element.value,
        }),
      ),
    }));
  }, html);
  return forms
    .map((form) => ({
      label: `${options.path} form ${form.index + 1} ("${form.button || form.heading}")`,
      postPath: options.path,
      actionFields: form.fields.filter((field) => field.name.startsWith('$ACTION')),
      fields: form.fields.filter((field) => !field.name.startsWith('$ACTION')),
    }))
    .filter((form) => form.actionFields.length > 0);
}

/** The server-action ids of these forms (no-JS forms name them in `$ACTION_ID_<id>` or `$ACTION_<n>:0`). */
export function actionIdsOf(forms: DiscoveredForm[]): string[] {
  const ids = new Set<string>();
  for (const field of forms.flatMap((form) => form.actionFields)) {
    if (field.name.startsWith('$ACTION_ID_')) ids.add(field.name.slice('$ACTION_ID_'.length));
    if (!/^\$ACTION_\d+:0$/.test(field.name)) continue;
    try {
      const reference = JSON.parse(field.value) as { id?: unknown };
      if (typeof reference.id === 'string') ids.add(reference.id);
    } catch {
      // Not a reference.
    }
  }
  return [...ids];
}

/**
 * Fetch-style calls of a real server action (the Next-Action header, as the browser's router
 * sends them) with bodies React's decoder cannot resolve: broken text (issue 14.7 found a 500
 * here), JSON that is no argument list, and multipart arguments naming a part that is not there.
 * (Valid arguments of the wrong shape would run an action without parameters for real; the
 * actions' own handling of them is covered by tests/unit/reject-malformed-request.test.ts.)
 */
export function forgedActionCalls(actionId: string): Variant[] {
  const variants: Variant[] = [
    { name: 'text/plain of broken bytes', parts: [], text: BROKEN_UTF8 },
    { name: 'text/plain of unterminated JSON', parts: [], text: '{"broken' },
    { name: 'text/plain of JSON that is no argument list', parts: [], text: '{"role":"admin"}' },
    { name: 'multipart arguments naming a missing part', parts: [{ name: '0', value: '["$1"]' }] },
  ];
  return variants.map((variant) => ({ ...variant, actionId }));
}

export type Part = { name: string; value: Buffer | string; filename?: string; contentType?: string };

/** A multipart/form-data body assembled from raw bytes, so a value may be invalid UTF-8. */
export function multipartBody(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----drill${randomUUID().replaceAll('-', '')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const headers = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(headers, 'utf8'), Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Invalid UTF-8 (a lone continuation byte, an overlong encoding, 0xFF) and a NUL byte. */
export const BROKEN_UTF8 = Buffer.from([0x61, 0x80, 0xc0, 0xaf, 0xff, 0xfe, 0x00, 0x62]);
const OVERSIZED = 'x'.repeat(200_000);

export type Variant = { name: string; parts: Part[]; /** A text body instead of the parts. */ text?: Buffer | string; actionId?: string };

/**
 * Malformed versions of one form's submission. Hidden object ids (user, profile, license) are
 * replaced by an unknown id, so an action that wrongly accepted the input would still change
 * nothing a demo account relies on.
 */
export function malformedVariants(form: DiscoveredForm): Variant[] {
  const action: Part[] = form.actionFields.map((field) => ({ name: field.name, value: field.value }));
  const safeValue = (field: FormField) => (isUuid(field.value) ? randomUUID() : field.value);
  const filled = (value: (field: FormField) => Buffer | string): Part[] => [
    ...action,
    ...form.fields.map((field) => ({ name: field.name, value: value(field) })),
  ];
  const variants: Variant[] = [
    { name: 'missing fields', parts: action },
    { name: 'oversized fields', parts: filled(() => OVERSIZED) },
    { name: 'broken UTF-8 and NUL in every field', parts: filled(() => BROKEN_UTF8) },
    { name: 'extra fields', parts: [...filled(safeValue), { name: 'role', value: 'admin' }, { name: 'tenantId', value: randomUUID() }] },
    {
      name: 'files instead of text',
      parts: [...action, ...form.fields.map((field) => ({ name: field.name, value: BROKEN_UTF8, filename: 'x.bin', contentType: 'application/octet-stream' }))],
    },
    { name: 'every field twice', parts: [...filled(safeValue), ...form.fields.map((field) => ({ name: field.name, value: '{"$ne":null}' }))] },
  ];
  // The framework's own fields, forged (issue 14.7): the action's bound arguments as broken JSON,
  // or the reference pointing at a part that is not there. Only variants that really differ from
  // the form: an unchanged post would run the action (a form without fields, for real).
  const forge = (name: string, replace: (field: FormField) => string): Variant[] => {
    const forgedFields = form.actionFields.map((field) => ({ name: field.name, value: /^\$ACTION_\d+:\d+$/.test(field.name) ? replace(field) : field.value }));
    if (forgedFields.every((field, index) => field.value === form.actionFields[index]!.value)) return [];
    return [{ name, parts: [...forgedFields, ...form.fields.map((field) => ({ name: field.name, value: safeValue(field) }))] }];
  };
  const forged = [
    ...forge("the action's bound arguments not JSON", (field) => (field.name.endsWith(':0') ? field.value : '{"broken')),
    ...forge('the action reference pointing at a missing part', (field) => (field.name.endsWith(':0') ? field.value.replace(/"\$@[0-9a-f]+"/, '"$@7f"') : field.value)),
  ];
  // A form without fields (log out, send to all, continue) has nothing to get wrong: any submission
  // runs it. Its garbage bodies are covered per route (attackRoute in malformed-input.e2e.ts).
  return form.fields.length === 0 ? forged : [...variants, ...forged];
}

// What a stack trace, a framework error or a driver error looks like in a response.
const LEAK_PATTERN = /\n\s+at [\w$.<>[\] ]+ \(|\bat (?:async )?[\w$.]+ \((?:\/|file:|node:)|\/node_modules\/|webpack-internal:|\.next\/server\/|Failed query|ECONN(?:RESET|REFUSED)|invalid byte sequence/;

export type Answer = { status: number; body: string; location: string | null };

/**
 * A clear answer: a 4xx, a redirect, or a page that shows a message (a form error or an alert);
 * never a 5xx, never a stack trace. Returns what is wrong, or null.
 */
export function judgeAnswer(answer: Answer, options: { expectMessageOn200: boolean }): string | null {
  if (answer.status >= 500) return `status ${answer.status}`;
  const leak = LEAK_PATTERN.exec(answer.body);
  if (leak) return `leaks "${answer.body.slice(Math.max(0, leak.index - 80), leak.index + 120).replace(/\s+/g, ' ')}"`;
  if (answer.status === 200 && options.expectMessageOn200 && !/role="alert"|aria-invalid="true"|role="status"/.test(answer.body)) {
    return 'status 200 without any message';
  }
  return null;
}

export async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | string },
): Promise<Answer> {
  const body = typeof init.body === 'string' || init.body === undefined ? init.body : new Uint8Array(init.body);
  const response = await fetch(url, { method: init.method ?? 'GET', headers: init.headers, body, redirect: 'manual' });
  return { status: response.status, body: await response.text(), location: response.headers.get('location') };
}
