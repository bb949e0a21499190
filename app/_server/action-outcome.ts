import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect, RedirectType } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { readOutcome, withOutcome, type ActionOutcome, type OutcomeMessage } from '@/lib/forms/action-outcome';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Ends a server action: fresh data for `path`, then a redirect there carrying the outcome
 * (lib/forms/action-outcome.ts). The same for a plain form post (a 303 the browser follows) and
 * for an enhanced one (a client navigation that replaces the history entry).
 */
export function redirectWithOutcome(path: string, outcome: ActionOutcome): never {
  revalidatePath(path.split('?', 1)[0]!);
  redirect(withOutcome(path, outcome), RedirectType.replace);
}

/**
 * The page's text for the outcome in its address: `<namespace>.messages.<code>` after a success;
 * `<namespace>.errors.<code>`, then `validation.<code>`, then the generic error after a failure.
 * An unknown success code shows nothing; an unknown failure code shows the generic error.
 */
export async function readOutcomeMessage(
  searchParams: SearchParams,
  namespace: string,
  values: (target: string | undefined) => Record<string, string | number> = () => ({}),
): Promise<OutcomeMessage | null> {
  const outcome = readOutcome(searchParams);
  if (!outcome) return null;
  const t = await getTranslations();
  const candidates =
    outcome.status === 'success'
      ? [`${namespace}.messages.${outcome.code}`]
      : [`${namespace}.errors.${outcome.code}`, `validation.${outcome.code}`, 'form.genericError'];
  const key = candidates.find((candidate) => t.has(candidate));
  if (!key) return null;
  return { status: outcome.status, text: t(key, values(outcome.target)), key: outcome.key };
}
