// The outcome of a change made by a plain form post. The action answers with a redirect
// (post/redirect/get) to the page the form was on, and the outcome travels in that address:
// `?done=<code>` or `?failed=<code>`, the object it concerned (`&target=<id>`) and a one-off
// number (`&n=`), so the same action twice still shows (and announces) its result twice. A reload
// then repeats nothing, and the message sits at the top of the page, outside any menu that the
// new page shows closed. Only codes and ids travel: the page turns them into text from its own
// data, so a crafted link cannot put words on the page.

export type ActionOutcome = {
  status: 'success' | 'error';
  /** Message code, e.g. `twoFactorReset` or `last_admin`. */
  code: string;
  /** The id (or tenant domain) of the object the action concerned. */
  target?: string;
};

type SearchParams = Record<string, string | string[] | undefined>;

const CODE_PATTERN = /^[a-zA-Z][a-zA-Z_]{0,47}$/;
const TARGET_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** `path` with the outcome in its query (keeps the path's own query, replaces an older outcome). */
export function withOutcome(path: string, outcome: ActionOutcome, nonce: string = Date.now().toString(36)): string {
  const [pathname = '/', query = ''] = path.split('?', 2);
  const params = new URLSearchParams(query);
  for (const key of ['done', 'failed', 'target', 'n']) params.delete(key);
  params.set(outcome.status === 'success' ? 'done' : 'failed', outcome.code);
  if (outcome.target && TARGET_PATTERN.test(outcome.target)) params.set('target', outcome.target);
  params.set('n', nonce);
  return `${pathname}?${params}`;
}

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** The outcome in a page's search params, or null when there is none (or it is malformed). */
export function readOutcome(searchParams: SearchParams): (ActionOutcome & { key: string }) | null {
  const done = single(searchParams.done);
  const failed = single(searchParams.failed);
  const code = done ?? failed;
  if (!code || (done && failed) || !CODE_PATTERN.test(code)) return null;
  const target = single(searchParams.target);
  const nonce = single(searchParams.n) ?? '';
  return {
    status: done ? 'success' : 'error',
    code,
    target: target && TARGET_PATTERN.test(target) ? target : undefined,
    // Changes with every submission: the page re-mounts its menus (closed) and moves focus to the message.
    key: `${done ? 'done' : 'failed'}:${code}:${target ?? ''}:${nonce.slice(0, 16)}`,
  };
}

/** What the page shows for an outcome: already translated, with the key that changes per submission. */
export type OutcomeMessage = { status: 'success' | 'error'; text: string; key: string };
