import 'server-only';
import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import type { z } from 'zod';
import { redirectWithOutcome } from '@/app/_server/action-outcome';
import { getClientAddress, requireTenantPermission } from '@/app/_server/request-context';
import type { Permission } from '@/lib/access/permissions';
import type { TenantAccess } from '@/lib/access/tenant-access';
import { ConfigurationProfileError } from '@/lib/configurations/configuration-errors';
import { CustomerManagementError } from '@/lib/customers/customer-errors';
import type { FormState } from '@/lib/forms/form-state';
import { formDataToObject, parseForm, pickValues, type ParsedForm } from '@/lib/forms/parse-form';
import { describeError, logger } from '@/lib/logging/logger';
import { UserManagementError } from '@/lib/users/user-errors';

// The one way to write a server action of a tenant (issue 13.1; dub's authActionClient). Server
// actions are public endpoints, so the order is written once: the access layer decides for the
// tenant domain the action is bound to and the permission (404 otherwise), and only then is the
// input parsed, strictly. The operation calls lib/, which re-reads every object id with the
// tenant id. Expected refusals of lib/ become the page's message; anything else is logged and
// shown as the generic error. revalidatePath and redirect come after the try/catch.
//
// Two shapes answer: a row action redirects to its page with the outcome in the address (post/
// redirect/get, app/_server/action-outcome.ts); a form with typed input (useActionState) answers
// errors in place with what was typed, and redirects, or answers in place, on success.
// tests/unit/tenant-actions.test.ts checks that every action under app/tenant is built here.

/** What the operation gets: the caller's access to the bound tenant, the parsed input, the client's address. */
export type TenantActionContext<Data> = { access: TenantAccess; data: Data; clientAddress: string };

/** A strict zod schema, or a parser with the same answer (lib/configurations/parse-profile-form.ts). */
type Input<Data, Field extends string> = z.ZodType<Data> | ((formData: FormData) => ParsedForm<Data, Field>);

type Common<Data, Field extends string> = {
  /** Checked first, in the bound tenant: without it the action does not exist (404). */
  permission: Permission;
  /** A further condition on the access (e.g. a reseller acting for its customer); otherwise 404 too. */
  isAllowed?: (access: TenantAccess) => boolean;
  input: Input<Data, Field>;
};

type RowOptions<Data, Bound extends unknown[]> = Common<Data, string> & {
  /** The page the action answers on; the outcome travels in its address. */
  page: (access: TenantAccess, ...bound: Bound) => string;
  /** The failure code of input that does not parse (unknown fields are always `unexpectedField`). */
  invalidInput: string | ((state: FormState) => string);
  /** The object the outcome names, after a success and after a refusal. */
  target?: (data: Data) => string;
};

/** A success: its code, or its code and the object it concerned. */
type Done = string | { code: string; target?: string };

type FormOptions<Data, Field extends string> = Common<Data, Field> & {
  form: {
    /** Fields whose typed value comes back with an error (never passwords or codes). */
    keep?: readonly Field[];
    /** Refusals that belong to one field, e.g. `{ username_taken: 'username' }`. */
    fieldOfRefusal?: Partial<Record<string, Field>>;
  };
  /** The page whose data changed, when the form answers in place. */
  revalidate?: (access: TenantAccess) => string;
};

/** A form's success: a redirect to `page` with the outcome, or a state shown in place. */
type FormAnswer<Field extends string> = { page: string; code: string; target?: string } | FormState<Field>;

type RowAction<Bound extends unknown[]> = (tenantDomain: string, ...args: [...Bound, FormData]) => Promise<void>;
type FormAction<Field extends string, Bound extends unknown[]> = (tenantDomain: string, ...args: [...Bound, FormState<Field>, FormData]) => Promise<FormState<Field>>;

const TENANT_ACTIONS = new WeakSet<object>();

/** Whether a function was built by tenantAction (the test over app/tenant asks). */
export function isTenantAction(value: unknown): boolean {
  return typeof value === 'function' && TENANT_ACTIONS.has(value);
}

// Each domain's expected refusals, and where their texts live: `<namespace>.errors.<code>`.
const REFUSALS = [
  [UserManagementError, 'users'],
  [CustomerManagementError, 'customers'],
  [ConfigurationProfileError, 'configurations'],
] as const;

function refusalOf(error: unknown): { code: string; namespace: string } | null {
  for (const [refusal, namespace] of REFUSALS) if (error instanceof refusal) return { code: error.code, namespace };
  return null;
}

function logUnexpected(error: unknown, permission: Permission): void {
  logger.error({ event: 'tenant_action.failed', permission, err: describeError(error) }, 'tenant action failed');
}

/** The form state of a failed change: the refusal's message, or (logged) the generic error. */
export function toFormFailure<Field extends string>(error: unknown, permission: Permission): FormState<Field> & { status: 'error'; message: string } {
  const refusal = refusalOf(error);
  if (refusal) return { status: 'error', message: `${refusal.namespace}.errors.${refusal.code}` };
  logUnexpected(error, permission);
  return { status: 'error', message: 'form.genericError' };
}

function parseInput<Data, Field extends string>(input: Input<Data, Field>, formData: FormData, keep: readonly Field[]): ParsedForm<Data, Field> {
  return typeof input === 'function' ? input(formData) : parseForm(input, formData, keep);
}

export function tenantAction<Data, Bound extends unknown[] = []>(options: RowOptions<Data, Bound>, operation: (context: TenantActionContext<Data>, ...bound: Bound) => Promise<Done>): RowAction<Bound>;
export function tenantAction<Data, Field extends string, Bound extends unknown[] = []>(
  options: FormOptions<Data, Field>,
  operation: (context: TenantActionContext<Data>, ...bound: Bound) => Promise<FormAnswer<Field>>,
): FormAction<Field, Bound>;
export function tenantAction<Data>(
  options: RowOptions<Data, unknown[]> | FormOptions<Data, string>,
  operation: (context: TenantActionContext<Data>, ...bound: unknown[]) => Promise<Done | FormAnswer<string>>,
): RowAction<unknown[]> | FormAction<string, unknown[]> {
  const isForm = 'form' in options;
  const action = async (tenantDomain: string, ...args: unknown[]) => {
    const formData = args.at(-1) as FormData;
    const bound = args.slice(0, isForm ? -2 : -1);
    const access = await requireTenantPermission(tenantDomain, options.permission);
    if (options.isAllowed && !options.isAllowed(access)) notFound();
    return isForm
      ? answerForm(options, access, formData, (context) => operation(context, ...bound) as Promise<FormAnswer<string>>)
      : answerRow(options, access, formData, bound, (context) => operation(context, ...bound) as Promise<Done>);
  };
  TENANT_ACTIONS.add(action);
  return action;
}

async function answerRow<Data>(
  options: RowOptions<Data, unknown[]>,
  access: TenantAccess,
  formData: FormData,
  bound: unknown[],
  operation: (context: TenantActionContext<Data>) => Promise<Done>,
): Promise<never> {
  const page = options.page(access, ...bound);
  const parsed = parseInput(options.input, formData, []);
  if (!parsed.ok) {
    const { invalidInput } = options;
    const code = parsed.state.message === 'validation.unexpectedField' ? 'unexpectedField' : typeof invalidInput === 'function' ? invalidInput(parsed.state) : invalidInput;
    redirectWithOutcome(page, { status: 'error', code });
  }
  const target = options.target?.(parsed.data);
  const context = { access, data: parsed.data, clientAddress: await getClientAddress() };
  let outcome;
  try {
    const done = await operation(context);
    outcome = typeof done === 'string' ? { status: 'success' as const, code: done, target } : { status: 'success' as const, target, ...done };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) logUnexpected(error, options.permission);
    outcome = { status: 'error' as const, code: refusal?.code ?? 'unexpected', target };
  }
  redirectWithOutcome(page, outcome);
}

async function answerForm<Data>(
  options: FormOptions<Data, string>,
  access: TenantAccess,
  formData: FormData,
  operation: (context: TenantActionContext<Data>) => Promise<FormAnswer<string>>,
): Promise<FormState<string>> {
  const keep = options.form.keep ?? [];
  const parsed = parseInput(options.input, formData, keep);
  if (!parsed.ok) return parsed.state;
  let answer: FormAnswer<string>;
  try {
    answer = await operation({ access, data: parsed.data, clientAddress: await getClientAddress() });
  } catch (error) {
    const failure = toFormFailure(error, options.permission);
    const field = options.form.fieldOfRefusal?.[refusalOf(error)?.code ?? ''];
    const values = keep.length > 0 ? { values: pickValues(formDataToObject(formData), keep) } : {};
    return { ...failure, ...(field ? { fieldErrors: { [field]: [failure.message] } } : {}), ...values };
  }
  if (!('page' in answer)) {
    if (options.revalidate) revalidatePath(options.revalidate(access));
    return answer;
  }
  redirectWithOutcome(answer.page, { status: 'success', code: answer.code, target: answer.target });
}
