import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the code step learned about the person, for the code that started it: Auth.js's
 * `signIn()` returns only a URL, yet the start page follows from the pending login that
 * `authorize()` reads anyway. completeLogin runs signIn inside `collectLoginCompletion`, the
 * credentials provider reports into it; nothing outlives the one sign-in (issue 11: the code
 * step read the pending login a second time just for this).
 */
export type LoginCompletion = { startPath: string | null };

const completions = new AsyncLocalStorage<LoginCompletion>();

export async function collectLoginCompletion(signIn: () => Promise<unknown>): Promise<LoginCompletion> {
  const completion: LoginCompletion = { startPath: null };
  await completions.run(completion, signIn);
  return completion;
}

/** Called by the credentials provider once the second factor is verified; a no-op outside a collection. */
export function reportLoginCompletion(startPath: string): void {
  const completion = completions.getStore();
  if (completion) completion.startPath = startPath;
}
