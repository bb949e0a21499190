// Helpers shared by the switcher's data function, its route handler and the benchmark.

import { isUuid } from '@/lib/uuid';

/** `%` and `_` typed by a person are literal characters, not LIKE wildcards. */
export function escapeLikePattern(term: string): string {
  return term.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** What a person typed, trimmed and bounded; empty means "no filter". */
export function normalizeSearchTerm(input: unknown): string {
  if (typeof input !== 'string') return '';
  // No name or tenant domain contains U+0000, and PostgreSQL refuses it in a query parameter.
  return input.replaceAll('\u0000', '').trim().slice(0, 100);
}

export type SwitcherCursor = { name: string; id: string };

/** The last row of a page, (name, id), as an opaque URL-safe string. */
export function encodeCursor(cursor: SwitcherCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id]), 'utf8').toString('base64url');
}

/** A cursor from the client is untrusted input: anything malformed means "first page". */
export function decodeCursor(value: unknown): SwitcherCursor | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [name, id] = parsed as unknown[];
    if (typeof name !== 'string' || !isUuid(id)) return null;
    return { name, id };
  } catch {
    return null;
  }
}
