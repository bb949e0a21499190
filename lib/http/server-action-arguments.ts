// What a server-action request of the portal may carry, checked before Next.js decodes it
// (issue 14.7): a forged body that React's reply decoder cannot resolve made Next answer 500.
//
// Every action of the portal is called by a form. React encodes the call's arguments as JSON
// (github.com/facebook/react, ReactFlightReplyClient): plain values inline, a string that
// starts with `$` escaped as `$$`, a form's data as `$K<id>` (the fields `<id>_<name>`), and a
// few literals (`$undefined`, `$NaN`, `$D<date>`, `$n<bigint>` …). References to other parts
// (`$<id>`, `$@<id>`, `$Q<id>`, `$B<id>` …) never occur in our calls, and one to a missing part
// throws in the decoder; so only the encodings below are accepted.

const LITERALS = new Set(['$undefined', '$NaN', '$Infinity', '$-Infinity', '$-0']);
const INLINE_ENCODINGS = /^(?:\$\$|\$K[0-9a-f]+$|\$D|\$n-?\d+$)/;

function isPlainValue(value: unknown): boolean {
  if (typeof value === 'string') return !value.startsWith('$') || LITERALS.has(value) || INLINE_ENCODINGS.test(value);
  if (Array.isArray(value)) return value.every(isPlainValue);
  if (value !== null && typeof value === 'object') return Object.values(value).every(isPlainValue);
  return true;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The arguments of a fetch-style call: the text body, or the multipart body's field `0`. */
export function isWellFormedActionArguments(text: string | null): boolean {
  if (text === null) return false;
  const parsed = parseJson(text);
  return parsed.ok && Array.isArray(parsed.value) && isPlainValue(parsed.value);
}

/**
 * The `$ACTION_<n>:<m>` fields of a form posted without JavaScript: `:0` names the action and,
 * in `bound`, the field holding its bound arguments (`$@<m>`); the others are plain values.
 */
export function isWellFormedFormActionFields(form: FormData): boolean {
  for (const [name, value] of form.entries()) {
    const field = /^\$ACTION_(\d+):(\d+)$/.exec(name);
    if (!field) continue;
    const parsed = typeof value === 'string' ? parseJson(value) : { ok: false as const };
    if (!parsed.ok) return false;
    if (field[2] !== '0') {
      if (!isPlainValue(parsed.value)) return false;
      continue;
    }
    const reference = parsed.value as { id?: unknown; bound?: unknown } | null;
    if (typeof reference?.id !== 'string') return false;
    if (reference.bound === null || reference.bound === undefined) continue;
    const bound = typeof reference.bound === 'string' ? /^\$@([0-9a-f]+)$/.exec(reference.bound) : null;
    if (!bound || !form.has(`$ACTION_${field[1]}:${Number.parseInt(bound[1]!, 16)}`)) return false;
  }
  return true;
}
